// Version 8: team mode (main/team/). Local tables first: every desk keeps working alone.
// - Assignment lives on the conversation (who, since when), with indexes for the `mine` list.
// - `internal_notes`: staff notes in a thread; members never see them; append-only (triggers).
//   They are not messages: nothing that counts, reads, syncs or sends messages sees them.
// - `staff_reads`: how far each staff member has read a conversation (mine and, in team mode,
//   my colleagues'). `message_authors`: which staff member sent an outbound message.
// - `team_outbox`: every shared change, written by triggers in the same transaction as the
//   change itself, so a crash cannot separate the two. Triggers fire only while
//   `team_capture` has its row (team mode configured) and `team_applying` has none: applying a
//   change received from the team store never enqueues it again.
// - `team_identity`: who "me" is at this desk (the triggers stamp it on what they enqueue).
// The triggers name conversations by their grouping key (`conversations.conversation_id`) and
// messages by (owner, dedupe key, occurrence): local row ids differ between desks.
import type { Migration } from './migration';

const instant = (col: string): string =>
  `CHECK (${col} IS NULL OR (length(${col}) = 24 AND ${col} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'))`;
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
/** The guard every capturing trigger carries. */
const CAPTURING = `EXISTS (SELECT 1 FROM team_capture) AND NOT EXISTS (SELECT 1 FROM team_applying)`;
const ME_ID = `(SELECT staff_id FROM team_identity)`;
const ME_NAME = `(SELECT staff_name FROM team_identity)`;
/** The conversation's identity fields, so a desk that lacks it can create it. */
const CONVERSATION_FIELDS = (alias: string): string =>
  `'key', ${alias}.conversation_id, 'ownerId', ${alias}.owner_id, 'memberId', ${alias}.member_id, 'memberName', ${alias}.member_name, 'nameKey', ${alias}.name_key`;

const SCHEMA = `
ALTER TABLE conversations ADD COLUMN assignee_id TEXT CHECK (assignee_id IS NULL OR length(assignee_id) BETWEEN 1 AND 200);
ALTER TABLE conversations ADD COLUMN assignee_name TEXT CHECK (assignee_name IS NULL OR length(assignee_name) BETWEEN 1 AND 200);
ALTER TABLE conversations ADD COLUMN assigned_at TEXT ${instant('assigned_at')};
CREATE INDEX conversations_mine ON conversations (assignee_id, last_message_at DESC, id DESC)
  WHERE assignee_id IS NOT NULL AND conversation_status IN ('open', 'pending', 'snoozed');
CREATE INDEX conversations_mine_by_owner ON conversations (owner_id, assignee_id, last_message_at DESC, id DESC)
  WHERE assignee_id IS NOT NULL AND conversation_status IN ('open', 'pending', 'snoozed');

CREATE TABLE internal_notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uid TEXT NOT NULL UNIQUE CHECK (length(uid) BETWEEN 8 AND 64),
  conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  author_id TEXT NOT NULL CHECK (length(author_id) BETWEEN 1 AND 200),
  author_name TEXT NOT NULL CHECK (length(author_name) BETWEEN 1 AND 200),
  body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  created_at TEXT NOT NULL ${instant('created_at')}
) STRICT;
CREATE INDEX internal_notes_by_conversation ON internal_notes (conversation_id, created_at, id);
-- Append-only: a note is never edited. Moving it with its conversation (a merge) is allowed.
CREATE TRIGGER internal_notes_no_edit BEFORE UPDATE OF uid, author_id, author_name, body, created_at ON internal_notes BEGIN
  SELECT RAISE(ABORT, 'internal notes are append-only');
END;

CREATE TABLE staff_reads (
  conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  staff_id TEXT NOT NULL CHECK (length(staff_id) BETWEEN 1 AND 200),
  staff_name TEXT NOT NULL,
  read_through TEXT ${instant('read_through')},
  at TEXT NOT NULL ${instant('at')},
  PRIMARY KEY (conversation_id, staff_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE message_authors (
  message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
  staff_id TEXT NOT NULL CHECK (length(staff_id) BETWEEN 1 AND 200),
  staff_name TEXT NOT NULL
) STRICT;

-- Campaign progress of the other desks (each desk sends its own; it is theirs to run).
CREATE TABLE team_campaigns (
  desk_id TEXT NOT NULL,
  campaign_id INTEGER NOT NULL,
  staff_id TEXT,
  staff_name TEXT,
  campaign TEXT NOT NULL CHECK (json_valid(campaign) AND json_type(campaign) = 'object'),
  updated_at TEXT NOT NULL ${instant('updated_at')},
  PRIMARY KEY (desk_id, campaign_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE team_identity (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  staff_id TEXT NOT NULL CHECK (length(staff_id) BETWEEN 1 AND 200),
  staff_name TEXT NOT NULL CHECK (length(staff_name) BETWEEN 1 AND 200)
) STRICT;
CREATE TABLE team_capture (one INTEGER PRIMARY KEY CHECK (one = 1)) STRICT;
CREATE TABLE team_applying (one INTEGER PRIMARY KEY CHECK (one = 1)) STRICT;

CREATE TABLE team_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('message', 'author', 'status', 'handled', 'tag', 'assign', 'note', 'read', 'draft', 'campaign')),
  payload TEXT NOT NULL CHECK (json_valid(payload) AND json_type(payload) = 'object'),
  created_at TEXT NOT NULL ${instant('created_at')}
) STRICT;

CREATE TRIGGER team_capture_message AFTER INSERT ON messages WHEN ${CAPTURING} BEGIN
  INSERT INTO team_outbox (kind, payload, created_at)
  SELECT 'message', json_object(${CONVERSATION_FIELDS('c')},
    'dedupeKey', new.dedupe_key, 'occurrence', new.occurrence, 'direction', new.direction, 'channel', new.channel,
    'senderName', new.sender_name, 'body', new.body, 'localDate', new.local_date, 'localTime', new.local_time,
    'sentAt', new.sent_at, 'source', new.source, 'requiresResponse', new.requires_response, 'subject', new.subject,
    'intent', new.intent, 'confidence', new.ai_confidence_score,
    'fromMemberId', new.from_member_id, 'fromMemberName', new.from_member_name, 'toStaffName', new.to_staff_name,
    'readAt', CASE WHEN new.source = 'history' THEN new.read_at END), ${NOW}
  FROM conversations c WHERE c.id = new.conversation_id;
END;

CREATE TRIGGER team_capture_author AFTER INSERT ON message_authors WHEN ${CAPTURING} BEGIN
  INSERT INTO team_outbox (kind, payload, created_at)
  SELECT 'author', json_object('ownerId', m.owner_id, 'dedupeKey', m.dedupe_key, 'occurrence', m.occurrence,
    'staffId', new.staff_id, 'staffName', new.staff_name), ${NOW}
  FROM messages m WHERE m.id = new.message_id;
END;

CREATE TRIGGER team_capture_status AFTER UPDATE OF conversation_status, snoozed_until ON conversations
WHEN ${CAPTURING} AND (old.conversation_status IS NOT new.conversation_status OR old.snoozed_until IS NOT new.snoozed_until) BEGIN
  INSERT INTO team_outbox (kind, payload, created_at)
  VALUES ('status', json_object(${CONVERSATION_FIELDS('new')}, 'status', new.conversation_status, 'snoozedUntil', new.snoozed_until,
    'by', ${ME_ID}), ${NOW});
END;

CREATE TRIGGER team_capture_handled AFTER UPDATE OF handled_at ON conversations
WHEN ${CAPTURING} AND old.handled_at IS NOT new.handled_at BEGIN
  INSERT INTO team_outbox (kind, payload, created_at)
  VALUES ('handled', json_object(${CONVERSATION_FIELDS('new')}, 'handledAt', new.handled_at, 'by', ${ME_ID}, 'byName', ${ME_NAME}), ${NOW});
END;

CREATE TRIGGER team_capture_assign AFTER UPDATE OF assignee_id ON conversations
WHEN ${CAPTURING} AND old.assignee_id IS NOT new.assignee_id BEGIN
  INSERT INTO team_outbox (kind, payload, created_at)
  VALUES ('assign', json_object(${CONVERSATION_FIELDS('new')}, 'from', old.assignee_id, 'to', new.assignee_id,
    'toName', new.assignee_name, 'by', ${ME_ID}), ${NOW});
END;

CREATE TRIGGER team_capture_tag_add AFTER INSERT ON conversation_tags WHEN new.source = 'manual' AND ${CAPTURING} BEGIN
  INSERT INTO team_outbox (kind, payload, created_at)
  SELECT 'tag', json_object(${CONVERSATION_FIELDS('c')}, 'tag', new.tag, 'present', json('true'), 'by', ${ME_ID}), ${NOW}
  FROM conversations c WHERE c.id = new.conversation_id;
END;

CREATE TRIGGER team_capture_tag_remove AFTER DELETE ON conversation_tags WHEN old.source = 'manual' AND ${CAPTURING} BEGIN
  INSERT INTO team_outbox (kind, payload, created_at)
  SELECT 'tag', json_object(${CONVERSATION_FIELDS('c')}, 'tag', old.tag, 'present', json('false'), 'by', ${ME_ID}), ${NOW}
  FROM conversations c WHERE c.id = old.conversation_id;
END;

CREATE TRIGGER team_capture_note AFTER INSERT ON internal_notes WHEN ${CAPTURING} BEGIN
  INSERT INTO team_outbox (kind, payload, created_at)
  SELECT 'note', json_object(${CONVERSATION_FIELDS('c')}, 'uid', new.uid, 'authorId', new.author_id, 'authorName', new.author_name,
    'body', new.body, 'createdAt', new.created_at), ${NOW}
  FROM conversations c WHERE c.id = new.conversation_id;
END;

-- My read mark: how far I have read (every message up to readThrough read, the first unread after it).
CREATE TRIGGER team_capture_read AFTER UPDATE OF read_at ON messages
WHEN new.direction <> 'outbound' AND (old.read_at IS NULL) <> (new.read_at IS NULL) AND ${CAPTURING}
  AND EXISTS (SELECT 1 FROM team_identity) BEGIN
  INSERT OR REPLACE INTO staff_reads (conversation_id, staff_id, staff_name, read_through, at)
  SELECT new.conversation_id, i.staff_id, i.staff_name,
    (SELECT max(m.sent_at) FROM messages m WHERE m.conversation_id = new.conversation_id AND m.direction <> 'outbound'
       AND m.sent_at < coalesce((SELECT min(u.sent_at) FROM messages u WHERE u.conversation_id = new.conversation_id
         AND u.direction <> 'outbound' AND u.read_at IS NULL), '9999')), ${NOW}
  FROM team_identity i;
  INSERT INTO team_outbox (kind, payload, created_at)
  SELECT 'read', json_object(${CONVERSATION_FIELDS('c')}, 'staffId', r.staff_id, 'staffName', r.staff_name, 'readThrough', r.read_through), ${NOW}
  FROM conversations c JOIN staff_reads r ON r.conversation_id = c.id AND r.staff_id = ${ME_ID}
  WHERE c.id = new.conversation_id;
END;

CREATE TRIGGER team_capture_draft AFTER UPDATE OF status ON assistant_drafts
WHEN new.status IN ('sent', 'auto_sent', 'rejected') AND old.status IN ('suggested', 'pending') AND ${CAPTURING} BEGIN
  INSERT INTO team_outbox (kind, payload, created_at)
  SELECT 'draft', json_object('ownerId', m.owner_id, 'dedupeKey', m.dedupe_key, 'occurrence', m.occurrence,
    'status', new.status, 'decidedBy', new.decided_by, 'decidedAt', new.decided_at, 'by', ${ME_ID}), ${NOW}
  FROM messages m WHERE m.id = new.message_id;
END;
`;

export const team: Migration = {
  version: 8,
  name: 'team',
  up(conn) {
    conn.exec(SCHEMA);
  },
};
