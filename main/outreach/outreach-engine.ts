// The one loop that posts outreach texts, so they go out one at a time: first it settles texts
// whose outcome is unknown (nothing else is posted while any is), then runs due scheduled items,
// applies the waiting-too-long rules, and sends the next campaign text each running campaign's
// rate and quiet hours allow.
import type { FrontdeskDb } from '../../db';
import type { ClubContext, ClubOSClient } from '../clubos/types';
import type { Logger } from '../../common/log/logger';
import type { Clock } from '../../common/time/clock';
import type { Timers, TimerHandle } from '../../common/time/timers';
import { campaignStep } from './campaign-runner';
import type { Outbox } from './outbox';
import type { ActionLogPort, BusinessHoursPort } from './ports';
import { isQuiet, nextSendable } from './quiet-hours';
import { runScheduledItem } from './scheduled-runner';
import { applyWaitingRules, type WaitingRules } from './waiting-rules';

export interface AttentionNotice {
  conversationId: number;
  reason: 'waiting' | 'no_reply' | 'confirm_late';
  detail: string;
}

export interface OutreachEngineDeps {
  db: () => FrontdeskDb;
  client: () => ClubOSClient;
  clubContext: () => Promise<ClubContext>;
  outbox: Outbox;
  hours: BusinessHoursPort;
  actionLog: ActionLogPort;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  waitingRules: () => WaitingRules;
  /** Scheduled texts later than this ask staff first. */
  lateLimitMs: () => number;
  touched: (conversationId: number) => void;
  /** A campaign changed; `recipientIds` are the recipients it moved, null when unknown (refetch). */
  campaignChanged: (campaignId: number, recipientIds: number[] | null) => void;
  notify: (notice: AttentionNotice) => void;
  /** Longest sleep between passes. Default 5 s. */
  idleMs?: number;
  /** How often the waiting rules run. Default 60 s. */
  waitingEveryMs?: number;
}

export interface OutreachEngine {
  start(): void;
  /** Runs a pass soon (a campaign started, an item was scheduled). */
  kick(): void;
  /** Applies the waiting rules at the next pass (they, or Knowledge's hours, changed). */
  recheckWaiting(): void;
  /** Stops after the post in flight, if any, has settled. */
  stop(): Promise<void>;
  /** Runs one pass now; for tests. Returns the delay until the next one. */
  passOnce(): Promise<number>;
}

const MAX_VERIFY_BACKOFF_MS = 5 * 60_000;

/** "25 business minutes", "3 business hours": how long a member waited, in staffed time. */
function businessTime(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 90) return `${minutes} business minute${minutes === 1 ? '' : 's'}`;
  return `${Math.round(minutes / 60)} business hours`;
}

export function createOutreachEngine(deps: OutreachEngineDeps): OutreachEngine {
  const log = deps.logger.scope('outreach');
  const idleMs = deps.idleMs ?? 5_000;
  const waitingEveryMs = deps.waitingEveryMs ?? 60_000;
  const nextCampaignSend = new Map<number, number>();
  let verifyAt = 0;
  let verifyBackoff = 5_000;
  let holdUntil = 0;
  let waitingAt = 0;
  let running = false;
  /** Set by stop(): a pass in progress ends after the post in flight. */
  let stopping = false;
  let timer: TimerHandle | null = null;
  let current: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  async function pass(): Promise<number> {
    const db = deps.db();
    const now = deps.clock.now();
    let delay = idleMs;

    if (now >= waitingAt) {
      waitingAt = now + waitingEveryMs;
      const { raised, lowered } = applyWaitingRules(db, deps.hours, deps.waitingRules(), now);
      for (const r of raised) {
        deps.touched(r.conversationId);
        if (r.notify) {
          const c = db.conversations.get(r.conversationId);
          const detail = `${c?.memberName ?? 'A member'} has waited ${businessTime(r.waitedMs)} for an answer`;
          deps.actionLog.append({
            kind: 'overdue',
            conversationId: r.conversationId,
            memberId: c?.memberId ?? null,
            memberName: c?.memberName ?? null,
            summary: detail,
            actor: 'waiting rules',
            data: { waitedBusinessMinutes: Math.round(r.waitedMs / 60_000) },
          });
          deps.notify({ conversationId: r.conversationId, reason: 'waiting', detail });
        }
      }
      for (const id of lowered) deps.touched(id);
    }

    const hasDue = db.outreach.scheduled.due(now, 1).length > 0;
    const campaigns = db.outreach.campaigns.running();
    const unsettled = deps.outbox.unsettledCount();
    if (!hasDue && campaigns.length === 0 && unsettled === 0) return delay;
    if (now < holdUntil) return Math.min(delay, holdUntil - now);

    let context: ClubContext;
    try {
      context = await deps.clubContext();
    } catch (error) {
      log.warn('ClubOS cannot be reached; outreach waits', { error });
      holdUntil = now + 30_000;
      return 30_000;
    }
    const client = deps.client();

    if (unsettled > 0) {
      if (now < verifyAt) return Math.min(delay, verifyAt - now);
      const report = await deps.outbox.verifyUnsettled({ client, context });
      // Settling from history may have moved any of their recipients.
      for (const c of campaigns) deps.campaignChanged(c.id, null);
      if (report.pending > 0) {
        verifyAt = deps.clock.now() + verifyBackoff;
        verifyBackoff = Math.min(verifyBackoff * 2, MAX_VERIFY_BACKOFF_MS);
        return Math.min(delay, verifyBackoff);
      }
      verifyBackoff = 5_000;
      return 0;
    }

    for (const item of db.outreach.scheduled.due(now, 20)) {
      if (stopping) return 0;
      const ok = await runScheduledItem(item, {
        db,
        client,
        context,
        outbox: deps.outbox,
        hours: deps.hours,
        actionLog: deps.actionLog,
        now: deps.clock.now(),
        lateLimitMs: deps.lateLimitMs(),
        touched: deps.touched,
        notify: (conversationId, reason, detail) => deps.notify({ conversationId, reason, detail }),
      });
      if (!ok) holdUntil = deps.clock.now() + 30_000;
      if (deps.outbox.unsettledCount() > 0) return 0;
    }

    for (const campaign of campaigns) {
      const at = deps.clock.now();
      const zone = context.timeZone;
      if (isQuiet(at, campaign.quietHours, zone)) {
        delay = Math.min(delay, Math.max(1_000, nextSendable(at, campaign.quietHours, zone) - at));
        continue;
      }
      const due = nextCampaignSend.get(campaign.id) ?? 0;
      if (at < due) {
        delay = Math.min(delay, due - at);
        continue;
      }
      const step = await campaignStep(campaign, { db, client, context, outbox: deps.outbox, hours: deps.hours, actionLog: deps.actionLog, now: at });
      const recipientIds = step.kind === 'skipped' ? [step.recipientId] : step.kind === 'posted' && step.outcome.entry.originId !== null ? [step.outcome.entry.originId] : [];
      deps.campaignChanged(campaign.id, recipientIds);
      if (step.kind === 'posted') {
        nextCampaignSend.set(campaign.id, at + Math.ceil(60_000 / campaign.ratePerMinute));
        if (step.outcome.status === 'failed' && step.outcome.failure === 'not_posted') holdUntil = deps.clock.now() + 60_000;
        if (step.outcome.entry.conversationId !== null) deps.touched(step.outcome.entry.conversationId);
      }
      if (step.kind === 'finished') nextCampaignSend.delete(campaign.id);
      return 0;
    }
    return delay;
  }

  const schedule = (ms: number): void => {
    if (!running) return;
    if (timer) deps.timers.clearTimeout(timer);
    timer = deps.timers.setTimeout(() => {
      timer = null;
      loop();
    }, ms);
  };

  function loop(): void {
    if (!running || current) return;
    current = pass()
      .catch((error: unknown) => {
        log.error('an outreach pass failed', { error });
        return idleMs;
      })
      .then((next) => {
        current = null;
        const w = wake;
        wake = null;
        w?.();
        schedule(next);
      });
  }

  return {
    start() {
      if (running) return;
      running = true;
      stopping = false;
      schedule(0);
    },
    kick() {
      holdUntil = 0;
      verifyAt = 0;
      if (running && !current) schedule(0);
    },
    recheckWaiting() {
      waitingAt = 0;
      this.kick();
    },
    async stop() {
      running = false;
      stopping = true;
      if (timer) deps.timers.clearTimeout(timer);
      timer = null;
      if (current) await new Promise<void>((resolve) => (wake = resolve));
    },
    passOnce: () => pass(),
  };
}
