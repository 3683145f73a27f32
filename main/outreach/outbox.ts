// Exactly-once texting over a channel with no idempotency key. Every text is written to the outbox
// as 'sending' (committed) before the post and settled after. When the outcome is unknown (a
// crash, a timeout, an unreadable answer), nothing is posted again until the member's ClubOS
// FollowUp history has said whether the text is there.
import type { FrontdeskDb, NewOutboxEntry, OutboxEntry, OutboxOrigin } from '../../db';
import { isClubOSError } from '../../common/errors/clubos-error';
import type { ClubContext, ClubOSClient, MemberHistory } from '../clubos/types';
import { AppError } from '../../common/errors/app-error';
import type { Logger } from '../../common/log/logger';
import type { Clock } from '../../common/time/clock';
import { sameText, wentOut } from './history-match';
import { placeholderIn } from './merge-fields';
import type { ActionLogPort } from './ports';

/** How a post ended, as far as we can tell. */
export type PostFailure =
  /** ClubOS refused this text for this member (not sent). */
  | 'refused'
  /** The member opted out of texts (not sent). */
  | 'opted_out'
  /** The post was never made or was turned away before ClubOS acted (not sent; try again later). */
  | 'not_posted'
  /** The post may or may not have reached ClubOS. */
  | 'unknown';

export function classifyFailure(error: unknown): PostFailure {
  if (!isClubOSError(error)) return 'unknown';
  switch (error.kind) {
    case 'opted_out':
      return 'opted_out';
    case 'rejected':
      return 'refused';
    case 'credentials':
    case 'session':
      return 'not_posted';
    default:
      return 'unknown';
  }
}

export type SendOutcome =
  | { status: 'sent'; entry: OutboxEntry; sentAt: number }
  | { status: 'failed'; entry: OutboxEntry; failure: Exclude<PostFailure, 'unknown'>; reason: string; error: unknown }
  | { status: 'unknown'; entry: OutboxEntry; reason: string; error: unknown };

/** What each kind of sender does once its text's fate is known. Both run inside the settling transaction. */
export interface OutboxSettlement {
  sent(entry: OutboxEntry, sentAt: number, context: ClubContext, verified: boolean): void;
  /** `absent`: an unknown outcome that ClubOS history showed never arrived: the sender may try again. */
  notSent(entry: OutboxEntry, failure: Exclude<PostFailure, 'unknown'> | 'absent', reason: string): void;
}

export interface OutboxDeps {
  db: () => FrontdeskDb;
  clock: Clock;
  logger: Logger;
  actionLog: ActionLogPort;
  settle: Record<OutboxOrigin, OutboxSettlement>;
  /**
   * An unknown outcome is taken as "never arrived" only once the attempt is this old, so a post
   * ClubOS is still working on is not mistaken for a lost one. Default 60 s.
   */
  settleAfterMs?: number;
}

export interface VerifyReport {
  verifiedSent: number;
  verifiedAbsent: number;
  /** Still unknown: history could not be read, or the attempt is too recent to call absent. */
  pending: number;
}

export interface Outbox {
  /**
   * Writes the attempt, posts it, settles it. `onBegin` runs in the transaction that writes the
   * attempt (a campaign recipient moves to 'sending' with it). Throws before writing anything when
   * the text carries a placeholder or the same text to the same member is still unsettled.
   */
  send(input: {
    client: ClubOSClient;
    context: ClubContext;
    entry: NewOutboxEntry;
    onBegin?: (entry: OutboxEntry) => void;
    actor?: string;
    /** A scheduled text running after its time: its log line says "sent N min late". */
    lateByMs?: number;
  }): Promise<SendOutcome>;
  /** Settles every unknown attempt not in flight from the members' ClubOS histories. */
  verifyUnsettled(input: { client: ClubOSClient; context: ClubContext }): Promise<VerifyReport>;
  /** Attempts whose outcome is unknown and not in flight in this process. */
  unsettledCount(): number;
}

const actorOf = (entry: { origin: OutboxEntry['origin'] }): string => (entry.origin === 'reply' ? 'staff' : entry.origin === 'scheduled' ? 'scheduler' : entry.origin);

const minutesLate = (ms: number): string => {
  const minutes = Math.round(ms / 60_000);
  return minutes < 90 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
};

const describe = (entry: { memberName: string; channel: 'sms' | 'email' }): string =>
  `${entry.channel === 'sms' ? 'Text' : 'Email'} to ${entry.memberName}`;

export function createOutbox(deps: OutboxDeps): Outbox {
  const log = deps.logger.scope('outbox');
  const settleAfterMs = deps.settleAfterMs ?? 60_000;
  const inFlight = new Set<number>();
  /** How late a scheduled text in flight is, for its log line ("sent 75 min late"). */
  const lateByMs = new Map<number, number>();

  /** Who sent what is in flight here, for its log lines; a text settled later from history is the outbox's. */
  const actors = new Map<number, string>();
  const actorFor = (entry: OutboxEntry): string => actors.get(entry.id) ?? (entry.origin === 'reply' ? 'outbox' : actorOf(entry));

  const settleSent = (entry: OutboxEntry, sentAt: number, context: ClubContext, verified: boolean): OutboxEntry => {
    const db = deps.db();
    return db.transaction(() => {
      const settled = db.outreach.outbox.markSent(entry.id, sentAt, { verifiedInHistory: verified });
      deps.settle[entry.origin].sent(settled, sentAt, context, verified);
      const late = lateByMs.get(entry.id);
      const lateText = late === undefined ? '' : ` ${minutesLate(late)} late`;
      deps.actionLog.append({
        kind: verified ? 'text_settled_sent' : late === undefined ? 'text_sent' : 'text_sent_late',
        conversationId: entry.conversationId,
        memberId: entry.memberId,
        memberName: entry.memberName,
        summary: verified ? `${describe(entry)} confirmed from the ClubOS history after an unknown outcome` : `${describe(entry)} sent${lateText}`,
        actor: actorFor(entry),
        data: { outboxId: entry.id, origin: entry.origin, body: entry.body, ...(late === undefined ? {} : { lateByMs: late }) },
      });
      return settled;
    });
  };

  const settleNotSent = (entry: OutboxEntry, failure: Exclude<PostFailure, 'unknown'> | 'absent', reason: string): OutboxEntry => {
    const db = deps.db();
    return db.transaction(() => {
      const settled = db.outreach.outbox.markFailed(entry.id, reason);
      deps.settle[entry.origin].notSent(settled, failure, reason);
      deps.actionLog.append({
        kind: failure === 'opted_out' ? 'text_skipped' : failure === 'absent' ? 'text_settled_absent' : 'text_failed',
        conversationId: entry.conversationId,
        memberId: entry.memberId,
        memberName: entry.memberName,
        summary: failure === 'absent' ? `${describe(entry)} never arrived (checked in the ClubOS history)` : `${describe(entry)} not sent`,
        reason,
        actor: actorFor(entry),
        data: { outboxId: entry.id, origin: entry.origin },
      });
      return settled;
    });
  };

  /** Settles one unknown attempt from a history already read. Null when it must stay unknown. */
  const settleFromHistory = (entry: OutboxEntry, history: MemberHistory, context: ClubContext): 'sent' | 'absent' | null => {
    const db = deps.db();
    const settledSentAt = db.outreach.outbox
      .sentLike(entry.memberId, entry.channel, entry.body, entry.attemptAt - 24 * 3_600_000)
      .map((e) => e.sentAt ?? e.attemptAt);
    const match = wentOut(entry, history, settledSentAt);
    if (match) {
      settleSent(entry, match.at, context, true);
      return 'sent';
    }
    if (deps.clock.now() - entry.attemptAt < settleAfterMs) return null;
    settleNotSent(entry, 'absent', 'ClubOS history shows it never arrived; it will be sent again');
    return 'absent';
  };

  const unsettled = (): OutboxEntry[] => deps.db().outreach.outbox.unsettled().filter((e) => !inFlight.has(e.id));

  return {
    async send({ client, context, entry: input, onBegin, lateByMs: late, actor }) {
      const placeholder = placeholderIn(input.body);
      if (placeholder !== null) throw new AppError('invalid_argument', `Not sent: the text still contains a placeholder (${placeholder}).`);
      const db = deps.db();
      const entry = db.transaction(() => {
        const open = db.outreach.outbox.unsettled().find((e) => e.memberId === input.memberId && e.channel === input.channel && sameText(e.body, input.body));
        if (open) {
          throw new AppError(
            'invalid_argument',
            `The same text to ${input.memberName} is still unconfirmed; Frontdesk is checking ClubOS before it could go out again.`,
          );
        }
        const begun = db.outreach.outbox.begin(input);
        onBegin?.(begun);
        return begun;
      });
      inFlight.add(entry.id);
      if (late !== undefined) lateByMs.set(entry.id, late);
      actors.set(entry.id, actor ?? actorOf(entry));
      try {
        let sent;
        try {
          sent = await client.send({ memberId: entry.memberId, channel: entry.channel, body: entry.body, ...(entry.subject ? { subject: entry.subject } : {}) });
        } catch (error) {
          const failure = classifyFailure(error);
          const reason = error instanceof Error ? error.message : String(error);
          if (failure !== 'unknown') {
            return { status: 'failed', entry: settleNotSent(entry, failure, reason), failure, reason, error };
          }
          log.warn('a send has an unknown outcome; checking the member history', { outboxId: entry.id, error });
          deps.actionLog.append({
            kind: 'text_unconfirmed',
            conversationId: entry.conversationId,
            memberId: entry.memberId,
            memberName: entry.memberName,
            summary: `${describe(entry)}: ClubOS did not confirm it; nothing is sent again until its history is checked`,
            reason,
            actor: actorFor(entry),
            data: { outboxId: entry.id, origin: entry.origin },
          });
          try {
            const settled = settleFromHistory(entry, await client.getHistory(entry.memberId), context);
            if (settled === 'sent') {
              const now = deps.db().outreach.outbox.get(entry.id);
              return { status: 'sent', entry: now ?? entry, sentAt: now?.sentAt ?? deps.clock.now() };
            }
          } catch (historyError) {
            log.warn('the member history could not be read to settle a send', { outboxId: entry.id, error: historyError });
          }
          const now = deps.db().outreach.outbox.get(entry.id) ?? entry;
          return { status: 'unknown', entry: now, reason, error };
        }
        const settled = settleSent(entry, sent.sentAt, context, false);
        return { status: 'sent', entry: settled, sentAt: sent.sentAt };
      } finally {
        inFlight.delete(entry.id);
        lateByMs.delete(entry.id);
        actors.delete(entry.id);
      }
    },

    async verifyUnsettled({ client, context }) {
      const report: VerifyReport = { verifiedSent: 0, verifiedAbsent: 0, pending: 0 };
      const byMember = new Map<string, OutboxEntry[]>();
      for (const e of unsettled()) byMember.set(e.memberId, [...(byMember.get(e.memberId) ?? []), e]);
      for (const [memberId, entries] of byMember) {
        let history: MemberHistory;
        try {
          history = await client.getHistory(memberId);
        } catch (error) {
          log.warn('the member history could not be read; the unknown sends stay on hold', { memberId, error });
          report.pending += entries.length;
          continue;
        }
        for (const entry of entries) {
          // Another caller may have settled it while the history was read.
          if (deps.db().outreach.outbox.get(entry.id)?.state !== 'sending' || inFlight.has(entry.id)) continue;
          const outcome = settleFromHistory(entry, history, context);
          if (outcome === 'sent') report.verifiedSent++;
          else if (outcome === 'absent') report.verifiedAbsent++;
          else report.pending++;
        }
      }
      if (report.verifiedSent + report.verifiedAbsent > 0) log.info('unknown sends settled from ClubOS history', { ...report });
      return report;
    },

    unsettledCount: () => unsettled().length,
  };
}
