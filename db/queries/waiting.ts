// Whether a member is waiting for a reply now, and since when. A conversation waits when its
// newest text (system texts aside) is the member's, asks for an answer ("ok", "thanks" do not),
// and came after the last staff reply (sent from Frontdesk or seen in ClubOS history) and after
// staff marked it handled; the clock starts at the first such text after that reply. Texts that were already old when Frontdesk first stored them (an import of months of
// history, or days missed while the app was closed) never count: nobody is waiting on those. A
// day-only row (ClubOS gave no minute) may have been sent as late as the end of its day, so its
// age is counted from there.
import type { DbContext } from '../db-context';

const DAY_MS = 24 * 3600_000;
export const DEFAULT_STALE_IMPORT_MS = 3 * DAY_MS;

export interface WaitingState {
  requiresResponse: boolean;
  waitingSince: string | null;
}

const NOT_WAITING: WaitingState = { requiresResponse: false, waitingSince: null };

/**
 * A message stored before the handled mark, or (when ClubOS gave its minute) sent before it, is
 * covered. Day-only rows carry the club's midnight, so only their arrival tells them apart.
 */
export const COVERED_BY_HANDLED = `(@handled IS NOT NULL AND (received_at <= @handled OR (local_time IS NOT NULL AND sent_at <= @handled)))`;

export function waitingState(ctx: DbContext, conversationId: number, handledAt: string | null): WaitingState {
  const params = { conversationId, staleMs: ctx.waiting.staleImportMs, handled: handledAt };
  const newest = ctx
    .prepare(
      `SELECT sent_at, direction, requires_response = 1
         AND (julianday(received_at) - julianday(sent_at) - (local_time IS NULL)) * 86400000.0 <= @staleMs
         AND NOT ${COVERED_BY_HANDLED} AS eligible
       FROM messages INDEXED BY messages_by_conversation
       WHERE conversation_id = @conversationId AND direction <> 'system'
       ORDER BY sent_at DESC, id DESC LIMIT 1`,
    )
    .get(params) as { sent_at: string; direction: string; eligible: number } | undefined;
  if (!newest || newest.direction !== 'inbound' || newest.eligible !== 1) return NOT_WAITING;
  const lastReply = ctx
    .prepare(
      `SELECT sent_at FROM messages INDEXED BY messages_by_conversation WHERE conversation_id = ? AND direction = 'outbound'
       ORDER BY sent_at DESC, id DESC LIMIT 1`,
    )
    .pluck()
    .get(conversationId) as string | undefined;
  const first = ctx
    .prepare(
      `SELECT sent_at FROM messages INDEXED BY messages_by_conversation
       WHERE conversation_id = @conversationId AND sent_at > @after
         AND direction = 'inbound' AND requires_response = 1
         AND (julianday(received_at) - julianday(sent_at) - (local_time IS NULL)) * 86400000.0 <= @staleMs
         AND NOT ${COVERED_BY_HANDLED}
       ORDER BY sent_at, id LIMIT 1`,
    )
    .pluck()
    .get({ ...params, after: lastReply ?? '' }) as string | undefined;
  return { requiresResponse: true, waitingSince: first ?? newest.sent_at };
}

/** The same rule over messages already in memory, oldest first (the audit's independent recomputation). */
export function waitingStateOf(
  messages: ReadonlyArray<{ sent_at: string; received_at: string; local_time: string | null; direction: string; requires_response: number }>,
  handledAt: string | null,
  staleImportMs: number,
): WaitingState {
  let lastReply = '';
  for (const m of messages) if (m.direction === 'outbound' && m.sent_at > lastReply) lastReply = m.sent_at;
  const eligible = (m: (typeof messages)[number]): boolean =>
    m.direction === 'inbound' &&
    m.requires_response === 1 &&
    Date.parse(m.received_at) - Date.parse(m.sent_at) - (m.local_time === null ? DAY_MS : 0) <= staleImportMs &&
    !(handledAt !== null && (m.received_at <= handledAt || (m.local_time !== null && m.sent_at <= handledAt)));
  // `messages` is in time order; the newest that is not a system text decides.
  const newest = messages.filter((m) => m.direction !== 'system').at(-1);
  if (!newest || !eligible(newest)) return NOT_WAITING;
  const since = messages.find((m) => m.sent_at > lastReply && eligible(m))?.sent_at ?? newest.sent_at;
  return { requiresResponse: true, waitingSince: since };
}
