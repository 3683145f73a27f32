// Runs scheduled items whose time has come: texts to send later and no-reply reminders. Items that
// came due while Frontdesk was closed run on the next start; a text more than `lateLimitMs` late
// waits for staff to confirm or cancel it instead of going out unasked.
import type { FrontdeskDb, ScheduledItem } from '../../db';
import type { ClubContext, ClubOSClient } from '../clubos/types';
import { resolveMemberId } from '../ingest/member-identity';
import { mergeMessage } from './merge-fields';
import type { Outbox } from './outbox';
import type { ActionLogPort, BusinessHoursPort } from './ports';
import { LATE_AFTER_MS } from './settlements';

export interface ScheduledRunnerDeps {
  db: FrontdeskDb;
  client: ClubOSClient;
  context: ClubContext;
  outbox: Outbox;
  hours: BusinessHoursPort;
  actionLog: ActionLogPort;
  now: number;
  lateLimitMs: number;
  touched: (conversationId: number) => void;
  notify: (conversationId: number, reason: 'no_reply' | 'confirm_late', detail: string) => void;
}

const minutesText = (ms: number): string => {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`;
};

/** Runs one due item; returns false when it must wait (ClubOS unreachable). */
export async function runScheduledItem(item: ScheduledItem, deps: ScheduledRunnerDeps): Promise<boolean> {
  const { db, now } = deps;
  const conversation = db.conversations.get(item.conversationId);
  const lateBy = Math.max(0, now - item.dueAt);
  const log = (kind: 'text_skipped' | 'text_blocked' | 'reminder', summary: string, reason?: string): void =>
    deps.actionLog.append({
      kind,
      conversationId: item.conversationId,
      memberId: conversation?.memberId ?? null,
      memberName: conversation?.memberName ?? null,
      summary,
      reason: reason ?? null,
      actor: 'scheduler',
      data: { scheduledId: item.id, ...(lateBy > LATE_AFTER_MS ? { lateByMs: lateBy } : {}) },
    });

  if (!conversation) {
    db.outreach.scheduled.transition(item.id, ['pending'], 'cancelled', { outcome: 'The conversation no longer exists' });
    return true;
  }

  if (item.kind === 'remind') {
    if (db.outreach.scheduled.memberWroteSince(item.conversationId, item.createdAt)) {
      db.outreach.scheduled.transition(item.id, ['pending'], 'done', { outcome: 'The member replied; no reminder needed' });
      log('reminder', `No-reply reminder for ${conversation.memberName} not needed: the member replied`);
    } else if (db.outreach.scheduled.transition(item.id, ['pending'], 'done', { outcome: 'Reminded', lateByMs: lateBy > LATE_AFTER_MS ? lateBy : null })) {
      db.outreach.attention.raise(item.conversationId, 'no_reply', now);
      log('reminder', `${conversation.memberName} has not replied since ${new Date(item.createdAt).toISOString()}`);
      deps.notify(item.conversationId, 'no_reply', `${conversation.memberName} has not replied`);
    }
    deps.touched(item.conversationId);
    return true;
  }

  if (lateBy > deps.lateLimitMs) {
    const outcome = `Due ${minutesText(lateBy)} ago while Frontdesk was not running: send it now or cancel it`;
    if (db.outreach.scheduled.transition(item.id, ['pending'], 'needs_confirmation', { outcome, lateByMs: lateBy })) {
      log('text_skipped', `Scheduled text to ${conversation.memberName} held for staff to send now or drop`, outcome);
      deps.notify(item.conversationId, 'confirm_late', `A scheduled text to ${conversation.memberName} is ${minutesText(lateBy)} late`);
      deps.touched(item.conversationId);
    }
    return true;
  }
  if (item.channel === 'sms' && conversation.optedOut) {
    db.outreach.scheduled.transition(item.id, ['pending'], 'failed', { outcome: 'Not sent: the member opted out of texts (STOP)' });
    log('text_skipped', `Scheduled text to ${conversation.memberName} not sent`, 'the member opted out of texts');
    deps.touched(item.conversationId);
    return true;
  }
  const merged = mergeMessage(item.body ?? '', { memberName: conversation.memberName }, deps.hours, now);
  if (!merged.ok) {
    db.outreach.scheduled.transition(item.id, ['pending'], 'failed', { outcome: merged.reason });
    log('text_blocked', `Scheduled text to ${conversation.memberName} not sent`, merged.reason);
    deps.touched(item.conversationId);
    return true;
  }
  let memberId: string;
  let conversationId: number;
  try {
    const resolved = await resolveMemberId(db, deps.client, conversation);
    memberId = resolved.memberId;
    conversationId = resolved.conversation.id;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof Error && 'code' in error && error.code === 'not_found') {
      db.outreach.scheduled.transition(item.id, ['pending'], 'failed', { outcome: `Not sent: ${reason}` });
      log('text_skipped', `Scheduled text to ${conversation.memberName} not sent`, reason);
      return true;
    }
    return false;
  }
  const outcome = await deps.outbox.send({
    client: deps.client,
    context: deps.context,
    entry: {
      origin: 'scheduled',
      originId: item.id,
      conversationId,
      memberId,
      memberName: conversation.memberName,
      channel: item.channel ?? 'sms',
      subject: item.subject,
      body: merged.text,
    },
    // Late by its own clock, or confirmed by staff after it came due too late.
    ...(lateBy > LATE_AFTER_MS ? { lateByMs: lateBy } : item.lateByMs !== null ? { lateByMs: item.lateByMs } : {}),
    onBegin: () => {
      const lateByMs = lateBy > LATE_AFTER_MS ? lateBy : item.lateByMs;
      if (!db.outreach.scheduled.transition(item.id, ['pending'], 'sending', { lateByMs })) throw new Error('the scheduled item was changed meanwhile');
    },
  });
  deps.touched(conversationId);
  return outcome.status !== 'failed' || outcome.failure !== 'not_posted';
}
