// The conversation rig (simulated club on a manual clock, real client, real sync, temp database)
// plus the outreach service over it. Passes run when the test says (`pass()`), never on timers.
import type { AppEvent, CampaignRecipientView, CampaignView, ScheduledItemView } from '../../common/contract';
import type { AttentionNotice } from '../../main/outreach/outreach-engine';
import { createOutreachService, type OutreachService } from '../../main/outreach/outreach-service';
import { currentKnowledge, knowledgeBusinessHours } from '../../main/services/assistant/outreach-hours';
import type { Timers } from '../../common/time/timers';
import { conversationRig, type Rig, type RigOptions } from '../conversations/conversation-rig';

export interface OutreachRig extends Rig {
  outreach: OutreachService;
  notices: AttentionNotice[];
  campaignEvents: CampaignView[];
  /** The recipients each campaignUpdated carried (null: refetch). */
  recipientEvents: Array<CampaignRecipientView[] | null>;
  /** What each scheduledChanged carried. */
  scheduledEvents: Array<{ conversationId: number; items: ScheduledItemView[] }>;
  touched: number[];
  /** Runs engine passes until one says there is nothing to do right now (bounded). */
  settle(): Promise<void>;
  /** Runs passes, letting the club's clock move to each next pass, for at most `ms` of club time. */
  runFor(ms: number): Promise<void>;
}

/** Timers that never fire: the test drives every pass. */
const inertTimers: Timers = { setTimeout: () => setTimeout(() => undefined, 0), clearTimeout: (h) => clearTimeout(h) };

export async function outreachRig(options: RigOptions & { settleAfterMs?: number } = {}): Promise<OutreachRig> {
  const rig = await conversationRig(options);
  const notices: AttentionNotice[] = [];
  const campaignEvents: CampaignView[] = [];
  const touched: number[] = [];
  const scheduledEvents: OutreachRig['scheduledEvents'] = [];
  const recipientEvents: OutreachRig['recipientEvents'] = [];
  const outreach = createOutreachService({
    db: () => rig.app.db,
    appDb: rig.app.db,
    client: () => rig.app.client,
    clubContext: () => Promise.resolve(rig.context),
    businessHours: knowledgeBusinessHours({ knowledge: currentKnowledge(rig.app.db), timeZone: () => rig.context.timeZone }),
    clock: rig.club.clock,
    timers: inertTimers,
    logger: rig.app.logger,
    conversationTouched: (id) => touched.push(id),
    scheduledChanged: (change) => scheduledEvents.push(change),
    campaignChanged: (change) => {
      campaignEvents.push(change.campaign);
      recipientEvents.push(change.recipients);
    },
    notify: (n) => notices.push(n),
    settleAfterMs: options.settleAfterMs ?? 60_000,
  });
  return {
    ...rig,
    outreach,
    notices,
    campaignEvents,
    recipientEvents,
    scheduledEvents,
    touched,
    async settle() {
      for (let i = 0; i < 5_000; i++) {
        const next = await outreach.engine.passOnce();
        if (next > 0) return;
      }
      throw new Error('outreach never settled');
    },
    async runFor(ms) {
      const end = rig.club.clock.now() + ms;
      for (let i = 0; i < 20_000 && rig.club.clock.now() < end; i++) {
        const next = await outreach.engine.passOnce();
        if (next > 0) rig.club.clock.advance(Math.min(next, end - rig.club.clock.now()));
      }
    },
  };
}

export type { AppEvent };
