// SQL shared by several queries. The conversation filters must match the partial indexes of
// migration 002 term for term, or SQLite cannot use them (test/db/query-plans.test.ts checks).

export const ACTIVE = `c.conversation_status IN ('open', 'pending', 'snoozed')`;
/** Snoozed conversations rejoin the inbox once `snoozed_until` has passed. */
export const AWAKE = `(c.snoozed_until IS NULL OR c.snoozed_until <= @now)`;
export const INBOX = `${ACTIVE} AND ${AWAKE}`;

/** Messages that count as unread when `read_at` is NULL (the partial index messages_unread). */
export const COUNTS_AS_UNREAD = `read_at IS NULL AND direction <> 'outbound'`;

export const CONVERSATION_COLUMNS = `c.id, c.owner_id, c.member_id, c.member_name, c.last_message_at,
  c.last_message_preview, c.unread_count, c.requires_response, c.waiting_since, c.conversation_status,
  c.snoozed_until, c.tags, c.intent, c.opted_out, c.attention_reason, c.attention_since, c.handled_at,
  c.assignee_id, c.assignee_name`;
