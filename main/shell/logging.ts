// electron-log behind the core's `Logger`: one file in the app's log folder, rotated at 5 MB
// into a single `.old.log`, every line's fields passed through `redact`.
import { join } from 'node:path';
import log from 'electron-log/main';
import { redact, type LogFields, type Logger, type LogLevel } from '../../common/log/logger';

/** The part of electron-log a scoped logger needs. */
export interface LogScopeSource {
  scope(label: string): Record<LogLevel, (...params: unknown[]) => void>;
}

export const LOG_FILE_MAX_BYTES = 5 * 1024 * 1024;

/** A `Logger` writing through electron-log under `scopeName`; fields are redacted first. */
export function electronLogLogger(source: LogScopeSource, scopeName: string): Logger {
  const target = source.scope(scopeName);
  const write =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void => {
      if (fields && Object.keys(fields).length > 0) target[level](message, redact(fields));
      else target[level](message);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    scope: (name) => electronLogLogger(source, name),
  };
}

export interface LoggingOptions {
  logDir: string;
  /** Development: debug lines and the console too. */
  verbose: boolean;
}

export interface Logging {
  /** The root logger; the core takes scopes `sync`, `clubos`, `db`, the shell `ipc` and `shell`. */
  logger: Logger;
  logDir: string;
  logFile: string;
}

export function setupLogging({ logDir, verbose }: LoggingOptions): Logging {
  const logFile = join(logDir, 'main.log');
  const file = log.transports.file;
  file.resolvePathFn = () => logFile;
  // electron-log's own rotation moves a full file to main.old.log, replacing the previous one:
  // exactly one old file is kept.
  file.maxSize = LOG_FILE_MAX_BYTES;
  file.level = verbose ? 'debug' : 'info';
  log.transports.console.level = verbose ? 'debug' : false;
  log.errorHandler.startCatching({ showDialog: false });
  return { logger: electronLogLogger(log, 'app'), logDir, logFile };
}
