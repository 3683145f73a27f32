// Version 4: outreach. The outbox (every text Frontdesk posts to ClubOS, written before the post
// and settled after), scheduled sends and no-reply reminders, campaigns with their recipients, the
// outreach log, and the "needs attention" mark the waiting-too-long rules set on a conversation.
// Self-contained: it only adds tables and two nullable columns.
import type { Migration } from './migration';

const instant = (col: string): string =>
  `CHECK (${col} IS NULL OR (length(${col}) = 24 AND ${col} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'))`;
const clubosId = (col: string): string => `CHECK (${col} IS NULL OR (length(${col}) BETWEEN 1 AND 12 AND ${col} NOT GLOB '*[^0-9]*'))`;

const SCHEMA = `
-- One row per attempt to post a text. 'sending' is written (and committed) before the post; a row
-- still 'sending' when no post is in flight has an unknown outcome, which only the member's
-- ClubOS FollowUp history can settle. No foreign keys: the record outlives a removed inbox.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  origin TEXT NOT NULL CHECK (origin IN ('reply', 'scheduled', 'campaign')),
  origin_id INTEGER,
  conversation_id INTEGER,
  member_id TEXT NOT NULL ${clubosId('member_id')},
  member_name TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
  subject TEXT,
  body TEXT NOT NULL CHECK (length(body) > 0),
  state TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'failed')),
  attempt_at TEXT NOT NULL ${instant('attempt_at')},
  sent_at TEXT ${instant('sent_at')},
  verified_in_history INTEGER NOT NULL DEFAULT 0 CHECK (verified_in_history IN (0, 1)),
  error TEXT,
  settled_at TEXT ${instant('settled_at')},
  CHECK ((state = 'sent') = (sent_at IS NOT NULL)),
  CHECK ((state = 'sending') = (settled_at IS NULL)),
  CHECK ((origin = 'reply') = (origin_id IS NULL))
) STRICT;
CREATE INDEX outbox_unsettled ON outbox (id) WHERE state = 'sending';
CREATE INDEX outbox_by_member ON outbox (member_id, attempt_at);
-- The database itself refuses a second live attempt for one scheduled item or campaign recipient.
CREATE UNIQUE INDEX outbox_one_live_attempt ON outbox (origin, origin_id) WHERE origin_id IS NOT NULL AND state IN ('sending', 'sent');

CREATE TABLE scheduled_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('send', 'remind')),
  conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  channel TEXT CHECK (channel IS NULL OR channel IN ('sms', 'email')),
  subject TEXT,
  body TEXT,
  due_at TEXT NOT NULL ${instant('due_at')},
  created_at TEXT NOT NULL ${instant('created_at')},
  state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'needs_confirmation', 'done', 'cancelled', 'failed')),
  outcome TEXT,
  late_by_ms INTEGER CHECK (late_by_ms IS NULL OR late_by_ms >= 0),
  settled_at TEXT ${instant('settled_at')},
  CHECK ((kind = 'send') = (body IS NOT NULL AND channel IS NOT NULL))
) STRICT;
CREATE INDEX scheduled_items_due ON scheduled_items (due_at, id) WHERE state = 'pending';
CREATE INDEX scheduled_items_by_conversation ON scheduled_items (conversation_id, state);

CREATE TABLE campaigns (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  body TEXT NOT NULL CHECK (length(body) > 0),
  source TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('draft', 'running', 'paused', 'cancelled', 'done')),
  rate_per_minute INTEGER NOT NULL CHECK (rate_per_minute BETWEEN 1 AND 6000),
  quiet_start_minute INTEGER CHECK (quiet_start_minute IS NULL OR quiet_start_minute BETWEEN 0 AND 1439),
  quiet_end_minute INTEGER CHECK (quiet_end_minute IS NULL OR quiet_end_minute BETWEEN 0 AND 1440),
  approved_by TEXT,
  approved_at TEXT ${instant('approved_at')},
  created_at TEXT NOT NULL ${instant('created_at')},
  finished_at TEXT ${instant('finished_at')},
  CHECK ((quiet_start_minute IS NULL) = (quiet_end_minute IS NULL)),
  CHECK (state IN ('draft', 'cancelled') OR approved_at IS NOT NULL)
) STRICT;

CREATE TABLE campaign_recipients (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  member_id TEXT ${clubosId('member_id')},
  member_name TEXT NOT NULL,
  phone TEXT,
  conversation_id INTEGER,
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'skipped', 'failed')),
  reason TEXT,
  body TEXT,
  sent_at TEXT ${instant('sent_at')},
  updated_at TEXT NOT NULL ${instant('updated_at')},
  UNIQUE (campaign_id, member_id),
  CHECK (state NOT IN ('skipped', 'failed') OR reason IS NOT NULL),
  CHECK (state NOT IN ('queued', 'sending', 'sent') OR member_id IS NOT NULL)
) STRICT;
CREATE INDEX campaign_recipients_queue ON campaign_recipients (campaign_id, state, position);

-- Append-only: what Frontdesk sent or chose not to send, and why.
CREATE TABLE outreach_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL ${instant('at')},
  kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 60),
  conversation_id INTEGER,
  member_id TEXT,
  detail TEXT NOT NULL,
  reason TEXT,
  actor TEXT NOT NULL
) STRICT;
CREATE INDEX outreach_log_by_time ON outreach_log (at, id);
CREATE TRIGGER outreach_log_no_update BEFORE UPDATE ON outreach_log BEGIN SELECT RAISE(ABORT, 'the outreach log is append-only'); END;
CREATE TRIGGER outreach_log_no_delete BEFORE DELETE ON outreach_log BEGIN SELECT RAISE(ABORT, 'the outreach log is append-only'); END;

-- "Needs attention": set by a waiting-too-long rule or a due no-reply reminder, cleared when staff
-- reply or resolve. The list can badge and sort on it.
ALTER TABLE conversations ADD COLUMN attention_reason TEXT CHECK (attention_reason IS NULL OR attention_reason IN ('waiting', 'no_reply'));
ALTER TABLE conversations ADD COLUMN attention_since TEXT ${instant('attention_since')};
CREATE TABLE attention_notices (
  conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  episode TEXT NOT NULL,
  notified_at TEXT NOT NULL ${instant('notified_at')},
  PRIMARY KEY (conversation_id, episode)
) STRICT, WITHOUT ROWID;
`;

export const outreach: Migration = {
  version: 4,
  name: 'outreach',
  up(conn) {
    conn.exec(SCHEMA);
  },
};
