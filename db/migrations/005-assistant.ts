// Version 5: the assistant. The gym's knowledge as versions (every save is a new row, the newest is
// current), the assistant's drafts (suggestions and the approval queue) and its action log, which
// is append-only: triggers refuse to change or delete a row.
//
// The log names conversations and messages by id without foreign keys on purpose: removing an
// inbox deletes its conversations, and the log must keep saying what happened to them.
import type { Migration } from './migration';

const instant = (col: string): string =>
  `CHECK (${col} IS NULL OR (length(${col}) = 24 AND ${col} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'))`;

const SCHEMA = `
CREATE TABLE knowledge_versions (
  version INTEGER PRIMARY KEY AUTOINCREMENT,
  content TEXT NOT NULL CHECK (json_valid(content) AND json_type(content) = 'object'),
  saved_at TEXT NOT NULL ${instant('saved_at')},
  source TEXT NOT NULL CHECK (source IN ('edit', 'import'))
) STRICT;

CREATE TABLE assistant_drafts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  intent TEXT,
  confidence REAL CHECK (confidence IS NULL OR confidence BETWEEN 0 AND 1),
  body TEXT NOT NULL,
  facts TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(facts) AND json_type(facts) = 'array'),
  notes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes) AND json_type(notes) = 'array'),
  status TEXT NOT NULL CHECK (status IN ('suggested', 'pending', 'sent', 'auto_sent', 'rejected', 'superseded')),
  created_at TEXT NOT NULL ${instant('created_at')},
  decided_at TEXT ${instant('decided_at')},
  decided_by TEXT,
  UNIQUE (message_id),
  CHECK ((status IN ('suggested', 'pending')) = (decided_at IS NULL))
) STRICT;

CREATE INDEX assistant_drafts_by_status ON assistant_drafts (status, created_at, id);
CREATE INDEX assistant_drafts_by_conversation ON assistant_drafts (conversation_id, id);

CREATE TABLE assistant_actions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL ${instant('at')},
  kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40 AND kind NOT GLOB '*[^a-z_]*'),
  actor TEXT NOT NULL CHECK (length(actor) BETWEEN 1 AND 120),
  conversation_id INTEGER,
  message_id INTEGER,
  draft_id INTEGER,
  member_name TEXT,
  intent TEXT,
  confidence REAL CHECK (confidence IS NULL OR confidence BETWEEN 0 AND 1),
  reason TEXT,
  detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail) AND json_type(detail) = 'object')
) STRICT;

CREATE INDEX assistant_actions_by_conversation ON assistant_actions (conversation_id, id);
CREATE INDEX assistant_actions_by_kind ON assistant_actions (kind, at);
CREATE INDEX assistant_actions_by_message ON assistant_actions (message_id, kind);

CREATE TRIGGER assistant_actions_no_update BEFORE UPDATE ON assistant_actions BEGIN
  SELECT RAISE(ABORT, 'the action log is append-only');
END;
CREATE TRIGGER assistant_actions_no_delete BEFORE DELETE ON assistant_actions BEGIN
  SELECT RAISE(ABORT, 'the action log is append-only');
END;
`;

export const assistant: Migration = {
  version: 5,
  name: 'assistant',
  up(conn) {
    conn.exec(SCHEMA);
  },
};
