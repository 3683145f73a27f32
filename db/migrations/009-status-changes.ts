// Version 9: when a conversation's status changed, and who changed it. Reports need the moment a
// conversation was resolved ("time to resolve"), which `conversations` does not keep: it holds
// only the current status and an `updated_at` that every later write moves. Conversations
// resolved before this migration have no row here, so their time to resolve is unknown.
// Self-contained: two new tables. Its rows go with their conversation (a removed inbox takes its
// conversations, and a resolve of nothing measures nothing); a merge moves them.
import type { Migration } from './migration';

const instant = (col: string): string =>
  `CHECK (${col} IS NULL OR (length(${col}) = 24 AND ${col} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'))`;
const status = (col: string): string => `CHECK (${col} IN ('open', 'pending', 'snoozed', 'resolved', 'archived'))`;

const SCHEMA = `
CREATE TABLE conversation_status_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  from_status TEXT NOT NULL ${status('from_status')},
  to_status TEXT NOT NULL ${status('to_status')},
  at TEXT NOT NULL ${instant('at')},
  -- The staff member's name as ClubOS writes it after "by" ("Alex M."); NULL when not known.
  actor TEXT CHECK (actor IS NULL OR length(actor) BETWEEN 1 AND 120),
  CHECK (from_status <> to_status)
) STRICT;
CREATE INDEX conversation_status_changes_by_conversation ON conversation_status_changes (conversation_id, at, id);
-- Since when changes are recorded (the earliest row): a request that began before it has no known
-- start of its resolution. A row is written with the app's clock when a database at this version
-- is opened and has none. No key: a salvage copies the damaged file's rows in beside the fresh
-- file's, and the earliest still says when recording began.
CREATE TABLE status_changes_recorded_since (
  at TEXT NOT NULL ${instant('at')}
) STRICT;
CREATE INDEX conversation_status_changes_resolved ON conversation_status_changes (at, conversation_id) WHERE to_status = 'resolved';
`;

export const statusChanges: Migration = {
  version: 9,
  name: 'status-changes',
  up(conn) {
    conn.exec(SCHEMA);
  },
};
