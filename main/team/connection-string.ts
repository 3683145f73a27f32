// A team's PostgreSQL connection string: checked before it is stored, and shown only without its
// password (the string itself is a secret: kept with safeStorage, never logged).
import { AppError } from '../../common/errors/app-error';

export interface ParsedConnection {
  user: string;
  host: string;
  port: number;
  database: string;
}

/** Refuses what is not a `postgres://` URL naming a host and a database, with a plain message. */
export function parseConnectionString(text: string): ParsedConnection {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new AppError('invalid_argument', 'That is not a PostgreSQL connection string (expected postgres://user:password@host:5432/database).');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new AppError('invalid_argument', 'A team connection string starts with postgres:// or postgresql://.');
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (url.hostname === '' || database === '') {
    throw new AppError('invalid_argument', 'The connection string must name the server and the database (postgres://user:password@host:5432/database).');
  }
  const port = url.port === '' ? 5432 : Number(url.port);
  return { user: decodeURIComponent(url.username), host: url.hostname, port, database };
}

/** `user@host:port/database`, for the status line and the log: never the password. */
export function describeServer(text: string): string {
  try {
    const c = parseConnectionString(text);
    return `${c.user === '' ? '' : `${c.user}@`}${c.host}:${c.port}/${c.database}`;
  } catch {
    return '(invalid connection string)';
  }
}
