// Rows as SQLite returns them, parsed into the contract's shapes. The schema's CHECKs already
// hold the formats; parsing here keeps a drifted file from leaking wrong types into the app.
import { z } from 'zod';
import {
  conversationStatusSchema,
  intentSchema,
  type Conversation,
} from '../common/contract';

const flag = z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1);
const tagList = z.array(z.string());

const conversationRow = z.object({
  id: z.number().int(),
  owner_id: z.string(),
  member_id: z.string().nullable(),
  member_name: z.string(),
  last_message_at: z.string().nullable(),
  last_message_preview: z.string(),
  unread_count: z.number().int(),
  requires_response: flag,
  waiting_since: z.string().nullable(),
  conversation_status: conversationStatusSchema,
  snoozed_until: z.string().nullable(),
  tags: z.string(),
  intent: intentSchema.nullable(),
  opted_out: flag,
  attention_reason: z.enum(['waiting', 'no_reply']).nullable().optional(),
  attention_since: z.string().nullable().optional(),
  handled_at: z.string().nullable(),
  assignee_id: z.string().nullable().optional(),
  assignee_name: z.string().nullable().optional(),
});

/** A conversation row as SQLite returns one, for warmUpRowReaders. */
const SAMPLE_CONVERSATION_ROW = {
  id: 1,
  owner_id: '1',
  member_id: '2',
  member_name: 'Sample Member',
  last_message_at: '2026-01-01T00:00:00.000Z',
  last_message_preview: 'Hi',
  unread_count: 1,
  requires_response: 1,
  waiting_since: null,
  conversation_status: 'open',
  snoozed_until: null,
  tags: '[]',
  intent: null,
  opted_out: 0,
  attention_reason: null,
  attention_since: null,
  handled_at: null,
  assignee_id: null,
  assignee_name: null,
};
const WARM_UP_READS = 200;

/**
 * Reads sample rows until the readers run at their usual speed. Zod compiles an object schema
 * into a function the first time it parses with it, and V8 then compiles that function after a
 * few runs: the first conversation list or relayed announcement paid 10 ms for it, on the main
 * thread in the middle of a first import (figure 5 of `npm run bench`). Run while the core is
 * created, before the window and any sync exist.
 */
export function warmUpRowReaders(): void {
  for (let i = 0; i < WARM_UP_READS; i++) toConversation(SAMPLE_CONVERSATION_ROW);
}

export function toConversation(row: unknown): Conversation {
  const r = conversationRow.parse(row);
  return {
    id: r.id,
    ownerId: r.owner_id,
    memberId: r.member_id,
    memberName: r.member_name,
    lastMessageAt: r.last_message_at,
    lastMessagePreview: r.last_message_preview,
    unreadCount: r.unread_count,
    requiresResponse: r.requires_response,
    waitingSince: r.waiting_since,
    status: r.conversation_status,
    snoozedUntil: r.snoozed_until,
    tags: tagList.parse(JSON.parse(r.tags)),
    intent: r.intent,
    optedOut: r.opted_out,
    attention: r.attention_reason && r.attention_since ? { reason: r.attention_reason, since: r.attention_since } : null,
    handledAt: r.handled_at,
    assignee: r.assignee_id && r.assignee_name ? { id: r.assignee_id, name: r.assignee_name } : null,
  };
}
