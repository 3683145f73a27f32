// Version 3: when each owner's first import began, and whether an attempt has stored every row
// dated on or after that day. Texts later than that moment arrived while the import ran and are
// live (unread, notified), however often the import is interrupted and restarted; only older ones
// are history. NULL and 0 until the first import starts.
import type { Migration } from './migration';

const INSTANT_CHECK = `CHECK (import_started_at IS NULL OR (length(import_started_at) = 24 AND import_started_at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'))`;

export const importStartedAt: Migration = {
  version: 3,
  name: 'import-started-at',
  up(conn) {
    conn.exec(`ALTER TABLE owners ADD COLUMN import_started_at TEXT ${INSTANT_CHECK}`);
    conn.exec(`ALTER TABLE owners ADD COLUMN import_recent_stored INTEGER NOT NULL DEFAULT 0 CHECK (import_recent_stored IN (0, 1))`);
  },
};
