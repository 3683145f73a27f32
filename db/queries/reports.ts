// What response-time reports are computed from: for every conversation with a member text in a
// period, its texts and replies from the start of the period on, its recorded resolves, and
// whether a request was already open when the period began. The computation itself (requests,
// medians, buckets in the club's zone) is main/services/reports/, which the team store can feed
// with the same shapes.
import type { Intent } from '../../common/intent-catalog';
import type { DbContext } from '../db-context';

export interface ReportMessageRecord {
  direction: 'inbound' | 'outbound';
  sentAt: string;
  /** False for a row ClubOS gave only a date for (older inbox labels): its minute is unknown. */
  timed: boolean;
  /**
   * A member text that asks for an answer and that Frontdesk stored while it was fresh (the same
   * rule as "Needs reply": texts already older than the waiting threshold when first stored,
   * such as a first import of months of history, never started a wait anybody saw).
   */
  asksForReply: boolean;
  intent: Intent | null;
  /** For a reply, who sent it as ClubOS names them ("Alex M."). */
  senderName: string;
}

export interface ReportConversationRecord {
  conversationId: number;
  memberName: string;
  /** Staff's latest "handled" mark: it closes a request without a reply. */
  handledAt: string | null;
  /** The first asking text of a request still unanswered when the period began (null: none open). */
  openRequestSince: string | null;
  /** The first asking text since the last recorded resolve (or since recording began), before the period. */
  openResolutionSince: string | null;
  /** Texts and replies (system texts left out) from the period's start on, oldest first. */
  messages: ReportMessageRecord[];
  /** Recorded resolves from the period's start on, oldest first. */
  resolves: Array<{ at: string; actor: string | null }>;
}

export interface ReportTimelineRecord {
  /** Since when resolves are recorded (the status-changes migration); a resolution that began earlier has no known start. */
  resolvesRecordedSince: string | null;
  conversations: ReportConversationRecord[];
}

export interface WaitingRecord {
  conversationId: number;
  memberName: string;
  waitingSince: string;
  intent: Intent | null;
}

export interface ReportQueries {
  /** Every conversation with a member text in [from, to) (stored instants). */
  timeline(range: { from: string; to: string }): ReportTimelineRecord;
  /** Conversations whose member is waiting now (open, pending or snoozed), longest first. */
  waitingNow(): WaitingRecord[];
  /** Since when this database records resolves. */
  resolvesRecordedSince(): string | null;
}

/** The waiting rule's "asks for an answer and was fresh when stored" (db/queries/waiting.ts). */
const ASKS = `m.direction = 'inbound' AND m.requires_response = 1
  AND (julianday(m.received_at) - julianday(m.sent_at) - (m.local_time IS NULL)) * 86400000.0 <= @staleMs`;

export function reportQueries(ctx: DbContext): ReportQueries {
  // The marker is set once, with the app's clock, the first time a database at this version opens;
  // to the minute, since ClubOS times a text to the minute (a text of this very minute counts).
  ctx
    .prepare('INSERT INTO status_changes_recorded_since (at) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM status_changes_recorded_since)')
    .run(`${ctx.nowIso().slice(0, 16)}:00.000Z`);

  const recordedSince = (): string | null =>
    (ctx.prepare('SELECT min(at) FROM status_changes_recorded_since').pluck().get() as string | null | undefined) ?? null;

  return {
    resolvesRecordedSince: recordedSince,
    timeline({ from, to }) {
      const since = recordedSince();
      const touched = ctx
        .prepare(
          `SELECT c.id, c.member_name, c.handled_at FROM conversations c
           WHERE c.id IN (SELECT DISTINCT conversation_id FROM messages WHERE direction = 'inbound' AND sent_at >= ? AND sent_at < ?)
           ORDER BY c.id`,
        )
        .all(from, to) as Array<{ id: number; member_name: string; handled_at: string | null }>;
      const lastReplyBefore = ctx
        .prepare(
          `SELECT max(sent_at) FROM messages INDEXED BY messages_by_conversation
           WHERE conversation_id = ? AND direction = 'outbound' AND sent_at < ?`,
        )
        .pluck();
      const lastResolveBefore = ctx
        .prepare(`SELECT max(at) FROM conversation_status_changes WHERE conversation_id = ? AND to_status = 'resolved' AND at < ?`)
        .pluck();
      const firstAskingBetween = ctx
        .prepare(
          `SELECT min(m.sent_at) FROM messages m INDEXED BY messages_by_conversation
           WHERE m.conversation_id = @id AND (m.sent_at > @after OR (@inclusive AND m.sent_at = @after)) AND m.sent_at < @before AND ${ASKS}`,
        )
        .pluck();
      const messagesFrom = ctx.prepare(
        `SELECT m.direction, m.sent_at, m.local_time IS NOT NULL AS timed, (${ASKS}) AS asks, m.intent, m.sender_name
         FROM messages m INDEXED BY messages_by_conversation
         WHERE m.conversation_id = @id AND m.sent_at >= @from AND m.direction <> 'system'
         ORDER BY m.sent_at, m.id`,
      );
      const resolvesFrom = ctx.prepare(
        `SELECT at, actor FROM conversation_status_changes
         WHERE conversation_id = ? AND to_status = 'resolved' AND at >= ? ORDER BY at, id`,
      );
      const staleMs = ctx.waiting.staleImportMs;

      const conversations = touched.map((c): ReportConversationRecord => {
        const lastReply = (lastReplyBefore.get(c.id, from) as string | null) ?? '';
        const lastResolve = (lastResolveBefore.get(c.id, from) as string | null) ?? '';
        // After the last resolve, or from the moment recording began (a text at that very moment counts).
        const fromRecording = since !== null && since > lastResolve;
        const rows = messagesFrom.all({ id: c.id, from, staleMs }) as Array<{
          direction: 'inbound' | 'outbound';
          sent_at: string;
          timed: number;
          asks: number;
          intent: Intent | null;
          sender_name: string;
        }>;
        return {
          conversationId: c.id,
          memberName: c.member_name,
          handledAt: c.handled_at,
          openRequestSince: (firstAskingBetween.get({ id: c.id, after: lastReply, inclusive: 0, before: from, staleMs }) as string | null) ?? null,
          openResolutionSince:
            (firstAskingBetween.get({ id: c.id, after: fromRecording ? since : lastResolve, inclusive: fromRecording ? 1 : 0, before: from, staleMs }) as
              | string
              | null) ?? null,
          messages: rows.map((r) => ({
            direction: r.direction,
            sentAt: r.sent_at,
            timed: r.timed === 1,
            asksForReply: r.asks === 1,
            intent: r.intent,
            senderName: r.sender_name,
          })),
          resolves: resolvesFrom.all(c.id, from) as Array<{ at: string; actor: string | null }>,
        };
      });
      return { resolvesRecordedSince: since, conversations };
    },

    waitingNow() {
      return ctx
        .prepare(
          `SELECT id AS conversationId, member_name AS memberName, waiting_since AS waitingSince, intent
           FROM conversations INDEXED BY conversations_waiting
           WHERE conversation_status IN ('open', 'pending', 'snoozed') AND requires_response = 1 AND waiting_since IS NOT NULL
           ORDER BY waiting_since, id`,
        )
        .all() as WaitingRecord[];
    },
  };
}
