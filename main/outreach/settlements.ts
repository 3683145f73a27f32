// What happens to a reply, a scheduled text or a campaign recipient once the outbox knows whether
// its text went out. Each function runs inside the transaction that settles the outbox entry.
import type { FrontdeskDb, OutboxOrigin } from '../../db';
import { recordSentMessage } from '../ingest/record-sent';
import type { OutboxSettlement } from './outbox';

/** Within this of its due time a scheduled text is on time; later, it carries a "sent late" mark. */
export const LATE_AFTER_MS = 2 * 60_000;

export interface SettlementDeps {
  db: () => FrontdeskDb;
  /** A conversation changed (new outbound message, attention cleared). */
  touched: (conversationId: number) => void;
}

export function outboxSettlements(deps: SettlementDeps): Record<OutboxOrigin, OutboxSettlement> {
  const record = (conversationId: number | null, entry: { channel: 'sms' | 'email'; subject?: string | null; body: string }, sentAt: number, context: Parameters<OutboxSettlement['sent']>[2]): void => {
    if (conversationId === null) return;
    const db = deps.db();
    if (recordSentMessage(db, context, { conversationId, channel: entry.channel, subject: entry.subject ?? null, body: entry.body, sentAt })) {
      db.outreach.attention.clear(conversationId);
      deps.touched(conversationId);
    }
  };

  return {
    reply: {
      sent: (entry, sentAt, context) => record(entry.conversationId, entry, sentAt, context),
      notSent: () => undefined, // staff saw the failure (or the unknown outcome) when they pressed Send
    },
    scheduled: {
      sent(entry, sentAt, context) {
        const db = deps.db();
        const item = entry.originId === null ? null : db.outreach.scheduled.get(entry.originId);
        if (item) {
          const late = Math.max(0, sentAt - item.dueAt);
          db.outreach.scheduled.transition(item.id, ['sending', 'pending'], 'done', { outcome: 'sent', lateByMs: late > LATE_AFTER_MS ? late : item.lateByMs });
        }
        record(entry.conversationId, entry, sentAt, context);
      },
      notSent(entry, failure, reason) {
        if (entry.originId === null) return;
        const scheduled = deps.db().outreach.scheduled;
        // A text ClubOS never received, or could not take right now, goes back to waiting its turn.
        if (failure === 'absent' || failure === 'not_posted') scheduled.transition(entry.originId, ['sending'], 'pending');
        else scheduled.transition(entry.originId, ['sending', 'pending'], 'failed', { outcome: failure === 'opted_out' ? 'Not sent: the member opted out of texts' : `Not sent: ${reason}` });
        if (entry.conversationId !== null) deps.touched(entry.conversationId);
      },
    },
    campaign: {
      sent(entry, sentAt, context) {
        if (entry.originId !== null) deps.db().outreach.campaigns.transitionRecipient(entry.originId, ['sending', 'queued'], 'sent', { sentAt, reason: null });
        record(entry.conversationId, entry, sentAt, context);
      },
      notSent(entry, failure, reason) {
        if (entry.originId === null) return;
        const db = deps.db();
        if (failure === 'absent' || failure === 'not_posted') {
          db.outreach.campaigns.transitionRecipient(entry.originId, ['sending'], 'queued');
        } else if (failure === 'opted_out') {
          db.outreach.campaigns.transitionRecipient(entry.originId, ['sending'], 'skipped', { reason: 'opted out of texts (ClubOS refuses to text them)' });
          if (entry.conversationId !== null) db.conversations.setOptedOut(entry.conversationId, true);
        } else {
          db.outreach.campaigns.transitionRecipient(entry.originId, ['sending'], 'failed', { reason });
        }
      },
    },
  };
}
