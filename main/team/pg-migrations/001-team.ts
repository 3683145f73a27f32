// Team store version 1. Everything lives in the schema `frontdesk`, so the team's database can
// hold other things too.
// - `changes`: every accepted change, in the order every desk applies it. `seq` is taken while
//   the push lock is held (see pg-store.ts), so a desk reading "after seq N" never misses a change
//   that commits later with a smaller number.
// - `pushes`: the last outbox entry accepted from each desk: a push repeated after a crash
//   (sent, but the desk died before it could delete its outbox) is not applied twice.
// - State tables the rules need (the current status, tags, assignment…) and that a desk joining
//   late or reports read without replaying every change.
import type { PgMigration } from './pg-migration';

export const team: PgMigration = {
  version: 1,
  name: 'team',
  sql: `
-- Which store this is: a desk that is pointed at another store starts reading it from the beginning.
CREATE TABLE frontdesk.meta (store_id text NOT NULL);
INSERT INTO frontdesk.meta (store_id) VALUES (gen_random_uuid()::text);

CREATE TABLE frontdesk.changes (
  seq bigserial PRIMARY KEY,
  kind text NOT NULL,
  entity text NOT NULL,
  payload jsonb NOT NULL,
  desk_id text NOT NULL,
  staff_id text,
  server_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX changes_by_kind_time ON frontdesk.changes (kind, server_at);

CREATE TABLE frontdesk.pushes (
  desk_id text PRIMARY KEY,
  pushed_through bigint NOT NULL
);

CREATE TABLE frontdesk.conversations (
  key text PRIMARY KEY,
  owner_id text NOT NULL,
  member_id text,
  member_name text NOT NULL,
  name_key text NOT NULL,
  status text NOT NULL DEFAULT 'open',
  snoozed_until text,
  status_by text,
  status_at timestamptz,
  handled_at text,
  handled_by text,
  assignee_id text,
  assignee_name text,
  assigned_at timestamptz
);

CREATE TABLE frontdesk.conversation_tags (
  key text NOT NULL,
  tag text NOT NULL,
  present boolean NOT NULL,
  changed_by text,
  seq bigint NOT NULL,
  PRIMARY KEY (key, tag)
);

CREATE TABLE frontdesk.reads (
  key text NOT NULL,
  staff_id text NOT NULL,
  staff_name text NOT NULL,
  read_through text,
  seq bigint NOT NULL,
  PRIMARY KEY (key, staff_id)
);

CREATE TABLE frontdesk.notes (
  uid text PRIMARY KEY,
  key text NOT NULL,
  author_id text NOT NULL,
  author_name text NOT NULL,
  body text NOT NULL,
  created_at text NOT NULL,
  seq bigint NOT NULL
);

CREATE TABLE frontdesk.messages (
  owner_id text NOT NULL,
  dedupe_key text NOT NULL,
  occurrence integer NOT NULL,
  key text NOT NULL,
  direction text NOT NULL,
  sent_at text NOT NULL,
  intent text,
  author_id text,
  author_name text,
  PRIMARY KEY (owner_id, dedupe_key, occurrence)
);
CREATE INDEX messages_by_sent ON frontdesk.messages (sent_at);

CREATE TABLE frontdesk.draft_decisions (
  owner_id text NOT NULL,
  dedupe_key text NOT NULL,
  occurrence integer NOT NULL,
  status text NOT NULL,
  decided_by text,
  decided_at text,
  PRIMARY KEY (owner_id, dedupe_key, occurrence)
);

CREATE TABLE frontdesk.campaigns (
  desk_id text NOT NULL,
  campaign_id bigint NOT NULL,
  payload jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (desk_id, campaign_id)
);

CREATE TABLE frontdesk.desks (
  desk_id text PRIMARY KEY,
  staff_id text NOT NULL,
  staff_name text NOT NULL,
  last_seen timestamptz NOT NULL
);

CREATE TABLE frontdesk.poll_leases (
  owner_id text PRIMARY KEY,
  desk_id text NOT NULL,
  staff_id text,
  staff_name text,
  expires_at timestamptz NOT NULL,
  epoch bigint NOT NULL
);
`,
};
