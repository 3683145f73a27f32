// Outreach as the core serves it: the request handlers for scheduled texts, reminders, campaigns
// and settings, over one outbox and one engine. What it does goes to the app's action log; the
// gym's hours and facts come from Knowledge, through the port the core passes in. The core passes getters for the current
// session (its database and ClubOS client), so a sign-in or sign-out needs no rewiring here.
import type { CampaignRecipientView, CampaignView, Handlers, ScheduledItemView } from '../../common/contract';
import type { Campaign, CampaignRecipient, FrontdeskDb, ScheduledItem } from '../../db';
import type { ClubContext, ClubOSClient } from '../clubos/types';
import { AppError } from '../../common/errors/app-error';
import type { Logger } from '../../common/log/logger';
import type { Clock } from '../../common/time/clock';
import type { Timers } from '../../common/time/timers';
import { buildAudience } from './campaign-audience';
import { mergeMessage, mergeFieldCatalog } from './merge-fields';
import type { Outbox } from './outbox';
import { createOutreachEngine, type AttentionNotice, type OutreachEngine } from './outreach-engine';
import { outreachSettingsStore } from './outreach-settings';
import type { ActionLogPort, BusinessHoursPort } from './ports';
import { DEFAULT_QUIET_HOURS } from './quiet-hours';
import { standardOutbox } from './standard-outbox';

export type OutreachHandlers = Pick<
  Handlers,
  | 'scheduleSend'
  | 'scheduleReminder'
  | 'listScheduled'
  | 'cancelScheduled'
  | 'confirmScheduled'
  | 'searchMembers'
  | 'listMergeFields'
  | 'createCampaign'
  | 'updateCampaignText'
  | 'listCampaigns'
  | 'getCampaign'
  | 'approveCampaign'
  | 'pauseCampaign'
  | 'resumeCampaign'
  | 'cancelCampaign'
  | 'getOutreachSettings'
  | 'setOutreachSettings'
>;

export interface OutreachOptions {
  /** The current session's database (outbox, campaigns…). */
  db: () => FrontdeskDb;
  /** App-wide settings and Knowledge live here. */
  appDb: FrontdeskDb;
  client: () => ClubOSClient;
  clubContext: () => Promise<ClubContext>;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  /** A conversation changed (message recorded, attention raised, scheduled item moved). */
  conversationTouched: (conversationId: number) => void;
  /** A conversation's scheduled items changed: all of them as they now are. */
  scheduledChanged: (change: { conversationId: number; items: ScheduledItemView[] }) => void;
  /** A campaign changed: as it now is, with the recipients it moved (null: too many or unknown). */
  campaignChanged: (change: { campaign: CampaignView; recipients: CampaignRecipientView[] | null }) => void;
  notify: (notice: AttentionNotice) => void;
  /** Overrides for tests and the soak. */
  settleAfterMs?: number;
  idleMs?: number;
  /** Defaults to the action log of the session database (db.actionLog). */
  actionLog?: ActionLogPort;
  /** The gym's hours and merge facts: Knowledge's (main/services/assistant/outreach-hours.ts). */
  businessHours: BusinessHoursPort;
}

export interface OutreachService {
  readonly handlers: OutreachHandlers;
  readonly outbox: Outbox;
  readonly actionLog: ActionLogPort;
  readonly engine: OutreachEngine;
  /** Staff answered or closed the conversation: its attention mark goes. */
  clearAttention(conversationId: number): void;
  start(): void;
  stop(): Promise<void>;
}

/** A synchronous handler as the contract wants it: its result or its refusal, as a promise. */
const sync =
  <A, R>(fn: (args: A) => R) =>
  (args: A): Promise<R> => {
    try {
      return Promise.resolve(fn(args));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };

const iso = (ms: number): string => new Date(ms).toISOString();
const hhmm = (minute: number): string => `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const minuteOf = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

function scheduledView(item: ScheduledItem): ScheduledItemView {
  return {
    id: item.id,
    kind: item.kind,
    conversationId: item.conversationId,
    channel: item.channel,
    body: item.body,
    dueAt: iso(item.dueAt),
    createdAt: iso(item.createdAt),
    state: item.state,
    outcome: item.outcome,
    lateByMs: item.lateByMs,
  };
}

function campaignView(c: Campaign): CampaignView {
  return {
    id: c.id,
    name: c.name,
    body: c.body,
    source: c.source,
    state: c.state,
    ratePerMinute: c.ratePerMinute,
    // Stored as the quiet span (21:00 → 08:00); shown as the sending window (08:00 – 21:00).
    sendingHours: c.quietHours ? { from: hhmm(c.quietHours.endMinute), to: hhmm(c.quietHours.startMinute) } : null,
    approvedBy: c.approvedBy,
    approvedAt: c.approvedAt === null ? null : iso(c.approvedAt),
    createdAt: iso(c.createdAt),
    finishedAt: c.finishedAt === null ? null : iso(c.finishedAt),
    counts: c.counts,
  };
}

export function createOutreachService(options: OutreachOptions): OutreachService {
  const { clock } = options;
  const settings = outreachSettingsStore(options.appDb);
  const hours = options.businessHours;
  const { outbox, actionLog } = standardOutbox({
    db: options.db,
    clock,
    logger: options.logger,
    ...(options.actionLog ? { actionLog: options.actionLog } : {}),
    touched: options.conversationTouched,
    ...(options.settleAfterMs === undefined ? {} : { settleAfterMs: options.settleAfterMs }),
  });

  const campaignOrFail = (id: number): Campaign => {
    const c = options.db().outreach.campaigns.get(id);
    if (!c) throw new AppError('not_found', `Campaign ${id} does not exist.`);
    return c;
  };
  const scheduledOrFail = (id: number): ScheduledItem => {
    const item = options.db().outreach.scheduled.get(id);
    if (!item) throw new AppError('not_found', `Scheduled item ${id} does not exist.`);
    return item;
  };
  const memberNameOf = (conversationId: number): string | null => options.db().conversations.get(conversationId)?.memberName ?? null;
  const conversationOrFail = (id: number) => {
    const c = options.db().conversations.get(id);
    if (!c) throw new AppError('not_found', `Conversation ${id} does not exist.`);
    return c;
  };
  const announceCampaign = (id: number, recipientIds: readonly number[] | null): CampaignView => {
    const campaign = campaignOrFail(id);
    const view = campaignView(campaign);
    const db = options.db();
    const recipients =
      recipientIds === null
        ? null
        : recipientIds.flatMap((rid) => {
            const r = db.outreach.campaigns.recipient(rid);
            return r ? [recipientView(campaign, r)] : [];
          });
    options.campaignChanged({ campaign: view, recipients });
    return view;
  };
  const scheduledFor = (conversationId: number): ScheduledItemView[] =>
    options.db().outreach.scheduled.forConversation(conversationId, clock.now(), 7 * 86_400_000).map(scheduledView);
  const scheduledTouched = (conversationId: number): void => {
    options.scheduledChanged({ conversationId, items: scheduledFor(conversationId) });
    options.conversationTouched(conversationId);
  };

  const engine = createOutreachEngine({
    db: options.db,
    client: options.client,
    clubContext: options.clubContext,
    outbox,
    hours,
    actionLog,
    clock,
    timers: options.timers,
    logger: options.logger,
    waitingRules: () => settings.get().waitingRules,
    lateLimitMs: () => settings.get().lateLimitMinutes * 60_000,
    touched: scheduledTouched,
    campaignChanged: (id, recipientIds) => void announceCampaign(id, recipientIds),
    notify: options.notify,
    ...(options.idleMs === undefined ? {} : { idleMs: options.idleMs }),
  });

  const recipientView = (campaign: Campaign, r: CampaignRecipient): CampaignRecipientView => {
    let preview = r.body;
    let reason = r.reason;
    if (preview === null && r.state === 'queued') {
      const merged = mergeMessage(campaign.body, { memberName: r.memberName }, hours, clock.now());
      if (merged.ok) preview = merged.text;
      else reason = merged.reason;
    }
    return {
      id: r.id,
      memberId: r.memberId,
      memberName: r.memberName,
      phone: r.phone,
      conversationId: r.conversationId,
      state: r.state,
      reason,
      preview,
      sentAt: r.sentAt === null ? null : iso(r.sentAt),
    };
  };

  const requireFuture = (dueAt: string): number => {
    const at = Date.parse(dueAt);
    if (at < clock.now() - 60_000) throw new AppError('invalid_argument', 'That time has already passed.');
    return at;
  };

  const logStaff = (kind: 'scheduled' | 'cancelled' | 'campaign', summary: string, about?: { conversationId: number; memberName: string | null } | { campaignId: number }): void =>
    actionLog.append({
      kind,
      summary,
      actor: 'staff',
      ...(about && 'conversationId' in about ? { conversationId: about.conversationId, memberName: about.memberName } : {}),
      ...(about && 'campaignId' in about ? { data: { campaignId: about.campaignId } } : {}),
    });

  const handlers: OutreachHandlers = {
    scheduleSend: sync((args) => {
      const c = conversationOrFail(args.conversationId);
      if (args.channel === 'sms' && c.optedOut) throw new AppError('opted_out', `${c.memberName} opted out of text messages (texted STOP).`);
      const dueAt = requireFuture(args.dueAt);
      const merged = mergeMessage(args.body, { memberName: c.memberName }, hours, dueAt);
      if (!merged.ok) throw new AppError('invalid_argument', merged.reason);
      const item = options.db().outreach.scheduled.create({ kind: 'send', conversationId: c.id, channel: args.channel, subject: args.subject ?? null, body: args.body, dueAt });
      logStaff('scheduled', `Text to ${c.memberName} scheduled for ${args.dueAt}`, { conversationId: c.id, memberName: c.memberName });
      scheduledTouched(c.id);
      engine.kick();
      return (scheduledView(item));
    }),
    scheduleReminder: sync((args) => {
      const c = conversationOrFail(args.conversationId);
      const item = options.db().outreach.scheduled.create({ kind: 'remind', conversationId: c.id, dueAt: requireFuture(args.dueAt) });
      logStaff('scheduled', `Reminder set for ${args.dueAt} if ${c.memberName} has not replied`, { conversationId: c.id, memberName: c.memberName });
      scheduledTouched(c.id);
      engine.kick();
      return (scheduledView(item));
    }),
    listScheduled: sync(({ conversationId }) => {
      conversationOrFail(conversationId);
      return { items: scheduledFor(conversationId) };
    }),
    cancelScheduled: sync(({ id }) => {
      const db = options.db();
      const item = scheduledOrFail(id);
      if (!db.outreach.scheduled.transition(id, ['pending', 'needs_confirmation'], 'cancelled', { outcome: 'Cancelled by staff' })) {
        throw new AppError('invalid_argument', `That ${item.kind === 'send' ? 'scheduled text' : 'reminder'} is already ${item.state === 'sending' ? 'being sent' : item.state}.`);
      }
      logStaff('cancelled', `Scheduled ${item.kind === 'send' ? 'text' : 'reminder'} cancelled`, { conversationId: item.conversationId, memberName: memberNameOf(item.conversationId) });
      scheduledTouched(item.conversationId);
      return (scheduledView(scheduledOrFail(id)));
    }),
    confirmScheduled: sync(({ id, send }) => {
      const db = options.db();
      const item = scheduledOrFail(id);
      const moved = send
        ? db.outreach.scheduled.transition(id, ['needs_confirmation'], 'pending', { dueAt: clock.now(), outcome: 'Confirmed late by staff' })
        : db.outreach.scheduled.transition(id, ['needs_confirmation'], 'cancelled', { outcome: 'Dropped by staff after it came due late' });
      if (!moved) throw new AppError('invalid_argument', 'That scheduled text is not waiting for confirmation.');
      logStaff(send ? 'scheduled' : 'cancelled', send ? 'Late scheduled text confirmed: sending now' : 'Late scheduled text dropped', {
        conversationId: item.conversationId,
        memberName: memberNameOf(item.conversationId),
      });
      scheduledTouched(item.conversationId);
      engine.kick();
      return (scheduledView(scheduledOrFail(id)));
    }),
    async searchMembers({ name }) {
      const found = await options.client().searchMember(name);
      return { member: found ? { id: found.id, name: found.fullName || name } : null };
    },
    listMergeFields: () => Promise.resolve({ fields: mergeFieldCatalog(hours) }),
    async createCampaign(args) {
      const db = options.db();
      const audience = await buildAudience(args.source, db, options.client());
      if (audience.recipients.length === 0) throw new AppError('invalid_argument', 'Nobody matches those recipients.');
      const quietHours = args.sendingHours
        ? { startMinute: minuteOf(args.sendingHours.to), endMinute: minuteOf(args.sendingHours.from) }
        : null;
      const campaign = db.outreach.campaigns.create(
        { name: args.name, body: args.body, source: audience.description, ratePerMinute: args.ratePerMinute, quietHours: args.sendingHours === undefined ? DEFAULT_QUIET_HOURS : quietHours },
        audience.recipients,
      );
      for (const r of db.outreach.campaigns.recipients(campaign.id, { state: 'skipped', limit: 10_000 })) {
        actionLog.append({
          kind: 'text_skipped',
          conversationId: r.conversationId,
          memberId: r.memberId,
          memberName: r.memberName,
          summary: `Campaign "${campaign.name}": ${r.memberName} left out`,
          reason: r.reason,
          actor: `campaign ${campaign.id}`,
          data: { campaignId: campaign.id, recipientId: r.id },
        });
      }
      logStaff('campaign', `Campaign "${campaign.name}" drafted for ${campaign.counts.total} recipients (${audience.description})`, { campaignId: campaign.id });
      return announceCampaign(campaign.id, null);
    },
    updateCampaignText: sync(({ campaignId, body }) => {
      campaignOrFail(campaignId);
      if (!options.db().outreach.campaigns.setBody(campaignId, body)) throw new AppError('invalid_argument', 'Only a campaign that has not been approved can be reworded.');
      // Every queued recipient's preview changed with the text.
      return announceCampaign(campaignId, null);
    }),
    listCampaigns: () => Promise.resolve({ campaigns: options.db().outreach.campaigns.list().map(campaignView) }),
    getCampaign: sync(({ campaignId, state, offset, limit }) => {
      const campaign = campaignOrFail(campaignId);
      const recipients = options.db().outreach.campaigns.recipients(campaignId, { ...(state ? { state } : {}), offset: offset ?? 0, limit: limit ?? 200 });
      return ({ campaign: campaignView(campaign), recipients: recipients.map((r) => recipientView(campaign, r)) });
    }),
    approveCampaign: sync(({ campaignId, approvedBy }) => {
      const campaign = campaignOrFail(campaignId);
      if (!options.db().outreach.campaigns.transition(campaignId, ['draft'], 'running', { approvedBy })) {
        throw new AppError('invalid_argument', `Campaign "${campaign.name}" is ${campaign.state}, not a draft waiting for approval.`);
      }
      logStaff('campaign', `Campaign "${campaign.name}" approved by ${approvedBy}; sending ${campaign.counts.queued} texts at up to ${campaign.ratePerMinute} a minute`, { campaignId });
      engine.kick();
      return announceCampaign(campaignId, []);
    }),
    pauseCampaign: sync(({ campaignId }) => {
      const campaign = campaignOrFail(campaignId);
      if (!options.db().outreach.campaigns.transition(campaignId, ['running'], 'paused')) throw new AppError('invalid_argument', `Campaign "${campaign.name}" is not running.`);
      logStaff('campaign', `Campaign "${campaign.name}" paused`, { campaignId });
      return announceCampaign(campaignId, []);
    }),
    resumeCampaign: sync(({ campaignId }) => {
      const campaign = campaignOrFail(campaignId);
      if (!options.db().outreach.campaigns.transition(campaignId, ['paused'], 'running')) throw new AppError('invalid_argument', `Campaign "${campaign.name}" is not paused.`);
      logStaff('campaign', `Campaign "${campaign.name}" resumed`, { campaignId });
      engine.kick();
      return announceCampaign(campaignId, []);
    }),
    cancelCampaign: sync(({ campaignId }) => {
      const db = options.db();
      const campaign = campaignOrFail(campaignId);
      const skipped = db.transaction(() => {
        if (!db.outreach.campaigns.transition(campaignId, ['draft', 'running', 'paused'], 'cancelled')) return null;
        return db.outreach.campaigns.skipQueued(campaignId, 'the campaign was cancelled before this text');
      });
      if (skipped === null) throw new AppError('invalid_argument', `Campaign "${campaign.name}" is already ${campaign.state}.`);
      logStaff('cancelled', `Campaign "${campaign.name}" cancelled; ${skipped} queued texts will not be sent`, { campaignId });
      return announceCampaign(campaignId, null);
    }),
    getOutreachSettings: () => Promise.resolve(settings.get()),
    setOutreachSettings: sync((change) => {
      const next = settings.update(change);
      // A new rule raises (or lowers) conversations now, not at the next minute's check.
      engine.recheckWaiting();
      return (next);
    }),
  };

  return {
    handlers,
    outbox,
    actionLog,
    engine,
    clearAttention(conversationId) {
      if (options.db().outreach.attention.clear(conversationId)) options.conversationTouched(conversationId);
    },
    start: () => engine.start(),
    stop: () => engine.stop(),
  };
}
