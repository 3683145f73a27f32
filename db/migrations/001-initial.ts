// Version 1: the tables. Every column the original gym bot named (design §4, protocol §4 migration
// 6 and 7) keeps its name and meaning; what correctness needs is added with constraints that make
// bad states unrepresentable. Frozen once released: a later change is a new migration.
//
// Naming trap kept from the original: `conversations.conversation_id` is the TEXT grouping key
// (`<owner>/m/<member id>` or `<owner>/n/<name key>`), while `messages.conversation_id` and
// `conversation_tags.conversation_id` are INTEGER references to `conversations.id`.
import { INTENTS } from '../../common/intent-catalog';
import type { Migration } from './migration';

/** `YYYY-MM-DDTHH:MM:SS.sssZ` exactly, so string order is time order. */
const instant = (col: string): string =>
  `CHECK (${col} IS NULL OR (length(${col}) = 24 AND ${col} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'))`;
const flag = (col: string, dflt = 0): string => `${col} INTEGER NOT NULL DEFAULT ${dflt} CHECK (${col} IN (0, 1))`;
const clubosId = (col: string): string => `CHECK (${col} IS NULL OR (length(${col}) BETWEEN 1 AND 12 AND ${col} NOT GLOB '*[^0-9]*'))`;
// Built from the catalog so the list is defined once. If INTENTS changes, existing files keep
// the old CHECK: add a migration that rebuilds it (test/db/schema.test.ts trips on the change).
const intentCheck = (col: string): string =>
  `CHECK (${col} IS NULL OR ${col} IN (${INTENTS.map((i) => `'${i}'`).join(', ')}))`;

const SCHEMA = `
CREATE TABLE owners (
  owner_id TEXT PRIMARY KEY ${clubosId('owner_id')},
  name TEXT NOT NULL,
  ${flag('enabled', 1)},
  added_at TEXT NOT NULL ${instant('added_at')},
  last_success_at TEXT ${instant('last_success_at')},
  last_error_code TEXT,
  last_error_message TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
  ${flag('history_imported')},
  CHECK ((last_error_code IS NULL) = (last_error_message IS NULL))
) STRICT;

CREATE TABLE conversations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id TEXT NOT NULL UNIQUE,
  owner_id TEXT NOT NULL REFERENCES owners(owner_id) ON DELETE CASCADE,
  member_id TEXT ${clubosId('member_id')},
  member_name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  last_message_at TEXT ${instant('last_message_at')},
  last_message_preview TEXT NOT NULL DEFAULT '',
  unread_count INTEGER NOT NULL DEFAULT 0 CHECK (unread_count >= 0),
  ${flag('requires_response')},
  waiting_since TEXT ${instant('waiting_since')},
  ${flag('ai_handling')},
  conversation_status TEXT NOT NULL DEFAULT 'open'
    CHECK (conversation_status IN ('open', 'pending', 'snoozed', 'resolved', 'archived')),
  snoozed_until TEXT ${instant('snoozed_until')},
  ${flag('opted_out')},
  intent TEXT ${intentCheck('intent')},
  tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
  created_at TEXT NOT NULL ${instant('created_at')},
  updated_at TEXT NOT NULL ${instant('updated_at')},
  UNIQUE (id, owner_id),
  CHECK ((conversation_status = 'snoozed') = (snoozed_until IS NOT NULL)),
  CHECK (waiting_since IS NULL OR requires_response = 1),
  CHECK (conversation_id = owner_id || CASE WHEN member_id IS NULL THEN '/n/' || name_key ELSE '/m/' || member_id END)
) STRICT;

CREATE INDEX conversations_by_member ON conversations (member_id);
CREATE INDEX conversations_by_updated ON conversations (updated_at DESC);
CREATE INDEX conversations_by_status ON conversations (conversation_status);
CREATE INDEX conversations_by_name_key ON conversations (owner_id, name_key);

CREATE TABLE conversation_tags (
  conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  tag TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 60 AND tag = trim(tag)),
  source TEXT NOT NULL CHECK (source IN ('manual', 'auto')),
  PRIMARY KEY (conversation_id, tag, source)
) STRICT, WITHOUT ROWID;

CREATE INDEX conversation_tags_by_tag ON conversation_tags (tag, conversation_id);

CREATE TABLE messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  owner_id TEXT NOT NULL,
  conversation_id INTEGER NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound', 'system')),
  channel TEXT NOT NULL CHECK (channel IN ('sms', 'email', 'system')),
  sender_name TEXT NOT NULL,
  body TEXT NOT NULL,
  local_date TEXT NOT NULL CHECK (length(local_date) = 10 AND local_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  local_time TEXT CHECK (local_time IS NULL OR (length(local_time) = 5 AND local_time GLOB '[0-2][0-9]:[0-5][0-9]')),
  sent_at TEXT NOT NULL ${instant('sent_at')},
  received_at TEXT NOT NULL ${instant('received_at')},
  source TEXT NOT NULL CHECK (source IN ('inbox', 'history', 'sent')),
  dedupe_key TEXT NOT NULL CHECK (length(dedupe_key) > 0),
  occurrence INTEGER NOT NULL CHECK (occurrence >= 0),
  read_at TEXT ${instant('read_at')},
  ${flag('requires_response')},
  intent TEXT ${intentCheck('intent')},
  ${flag('ai_processed')},
  ai_confidence_score REAL CHECK (ai_confidence_score IS NULL OR ai_confidence_score BETWEEN 0 AND 1),
  ai_action_taken TEXT CHECK (ai_action_taken IS NULL OR json_valid(ai_action_taken)),
  ${flag('ai_responded')},
  ai_response_sent_at TEXT ${instant('ai_response_sent_at')},
  thread_id TEXT,
  clubos_message_id TEXT,
  clubos_conversation_id TEXT,
  from_member_id TEXT ${clubosId('from_member_id')},
  from_member_name TEXT,
  to_staff_name TEXT,
  created_at TEXT NOT NULL ${instant('created_at')},
  UNIQUE (owner_id, dedupe_key, occurrence),
  FOREIGN KEY (conversation_id, owner_id) REFERENCES conversations (id, owner_id) ON DELETE CASCADE,
  CHECK (ai_response_sent_at IS NULL OR ai_responded = 1)
) STRICT;

CREATE INDEX messages_by_conversation ON messages (conversation_id, sent_at, id);
CREATE INDEX messages_by_owner_date ON messages (owner_id, local_date);

CREATE VIRTUAL TABLE messages_fts USING fts5 (
  body, sender_name,
  content = 'messages', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER messages_fts_after_insert AFTER INSERT ON messages BEGIN
  INSERT INTO messages_fts (rowid, body, sender_name) VALUES (new.id, new.body, new.sender_name);
END;
CREATE TRIGGER messages_fts_after_delete AFTER DELETE ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, body, sender_name) VALUES ('delete', old.id, old.body, old.sender_name);
END;
CREATE TRIGGER messages_fts_after_update AFTER UPDATE OF body, sender_name ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, body, sender_name) VALUES ('delete', old.id, old.body, old.sender_name);
  INSERT INTO messages_fts (rowid, body, sender_name) VALUES (new.id, new.body, new.sender_name);
END;

CREATE TABLE settings (
  key TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 100),
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL ${instant('updated_at')}
) STRICT, WITHOUT ROWID;
`;

/** 'FDK1': marks the file as Frontdesk's, so a foreign SQLite file is never migrated. */
export const FRONTDESK_APPLICATION_ID = 0x46444b31;

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(conn) {
    conn.exec(SCHEMA);
    conn.pragma(`application_id = ${FRONTDESK_APPLICATION_ID}`);
  },
};
