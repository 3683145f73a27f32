// The logger every core module takes as a dependency. The shell passes electron-log scopes;
// tests and benchmarks pass `memoryLogger()` or `silentLogger`. Core code never imports
// electron-log itself, so it runs under plain Node.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A child logger whose lines carry `scope` (`sync`, `clubos`, `db`, `ipc`…). */
  scope(name: string): Logger;
}

export interface LogLine {
  level: LogLevel;
  scope: string;
  message: string;
  fields: LogFields;
}

/** Field names whose values never reach a log line. */
const SECRET_KEY = /pass(word)?|secret|token|cookie|authorization|jsessionid|__fp|_sourcepage|credential/i;

/** Deep copy of `fields` with secret-looking values replaced. Bodies stay out by convention. */
export function redact(fields: LogFields): LogFields {
  const walk = (value: unknown, depth: number): unknown => {
    if (depth > 4 || value === null || typeof value !== 'object') return value;
    if (value instanceof Error) return { name: value.name, message: value.message };
    if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '[redacted]' : walk(v, depth + 1);
    return out;
  };
  return walk(fields, 0) as LogFields;
}

/** A logger that keeps its lines in memory (tests assert on them). */
export function memoryLogger(scopeName = 'app', sink: LogLine[] = []): Logger & { lines: LogLine[] } {
  const write = (level: LogLevel) => (message: string, fields: LogFields = {}) => {
    sink.push({ level, scope: scopeName, message, fields: redact(fields) });
  };
  return {
    lines: sink,
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    scope: (name) => memoryLogger(name, sink),
  };
}

const noop = (): void => {};
export const silentLogger: Logger = {
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  scope: () => silentLogger,
};
