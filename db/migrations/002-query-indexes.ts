// Version 2: the indexes behind the hot queries (list, open, mark read, reconcile, recompute).
// The conversation list filters each get a partial index in activity order, with and without
// the owner in front, so a page of 50 is a short index walk whatever most conversations are.
import type { Migration } from './migration';

const ACTIVE = `conversation_status IN ('open', 'pending', 'snoozed')`;

const INDEXES = `
DROP INDEX messages_by_owner_date;
-- Covering: the sync engine's reconciliation reads its keys from the index alone.
CREATE INDEX messages_by_owner_date ON messages (owner_id, local_date, dedupe_key, local_time, occurrence);
-- Small partial indexes for the cached conversation columns: unread messages are few once read,
-- and the intent one fills only when the classifier writes, so inserts do not pay for it.
CREATE INDEX messages_unread ON messages (conversation_id) WHERE read_at IS NULL AND direction <> 'outbound';
CREATE INDEX messages_with_intent ON messages (conversation_id, sent_at, id) WHERE intent IS NOT NULL AND direction <> 'outbound';

DROP INDEX conversations_by_status;
CREATE INDEX conversations_by_status ON conversations (conversation_status, last_message_at, id);
CREATE INDEX conversations_by_owner_status ON conversations (owner_id, conversation_status, last_message_at, id);
CREATE INDEX conversations_active ON conversations (last_message_at, id, snoozed_until) WHERE ${ACTIVE};
CREATE INDEX conversations_active_by_owner ON conversations (owner_id, last_message_at, id, snoozed_until) WHERE ${ACTIVE};
CREATE INDEX conversations_unread ON conversations (last_message_at, id, snoozed_until) WHERE ${ACTIVE} AND unread_count > 0;
CREATE INDEX conversations_unread_by_owner ON conversations (owner_id, last_message_at, id, snoozed_until) WHERE ${ACTIVE} AND unread_count > 0;
CREATE INDEX conversations_needs_reply ON conversations (last_message_at, id, snoozed_until) WHERE ${ACTIVE} AND requires_response = 1;
CREATE INDEX conversations_needs_reply_by_owner ON conversations (owner_id, last_message_at, id, snoozed_until) WHERE ${ACTIVE} AND requires_response = 1;
`;

export const queryIndexes: Migration = {
  version: 2,
  name: 'query-indexes',
  up(conn) {
    conn.exec(INDEXES);
  },
};
