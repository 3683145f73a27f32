// A Logger that writes one line per entry to stderr: benchmarks, the browser bridge, scripts.
import { redact, type LogFields, type Logger, type LogLevel } from '../../common/log/logger';

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export function consoleLogger(minLevel: LogLevel = 'info', scopeName = 'app'): Logger {
  const write = (level: LogLevel) => (message: string, fields?: LogFields) => {
    if (ORDER[level] < ORDER[minLevel]) return;
    const extra = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(redact(fields))}` : '';
    process.stderr.write(`${new Date().toISOString()} ${level.padEnd(5)} [${scopeName}] ${message}${extra}\n`);
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    scope: (name) => consoleLogger(minLevel, name),
  };
}
