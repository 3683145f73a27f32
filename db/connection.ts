// How every Frontdesk connection is set up.
import type { Logger } from '../common/log/logger';
import type { Connection } from './statements';

export const BUSY_TIMEOUT_MS = 5000;

export function configureConnection(conn: Connection, logger: Logger): void {
  // WAL: readers never block the writer nor the writer them. NORMAL is safe with WAL: a crash of
  // the app loses nothing committed, a power cut can lose the last commits but never corrupts,
  // and ClubOS still holds whatever was lost, so the next sync stores it again.
  const mode = String(conn.pragma('journal_mode = WAL', { simple: true }));
  if (mode !== 'wal' && !conn.memory) logger.warn('WAL unavailable; using another journal mode', { mode });
  conn.pragma('synchronous = NORMAL');
  conn.pragma('foreign_keys = ON');
  conn.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  conn.pragma('temp_store = MEMORY');
  conn.pragma('cache_size = -32000');
  if (Number(conn.pragma('foreign_keys', { simple: true })) !== 1) throw new Error('SQLite refused to enforce foreign keys');
}
