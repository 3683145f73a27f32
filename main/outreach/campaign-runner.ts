// Sends a running campaign's next queued recipient: skips the opted-out and those whose merge
// fields cannot be filled (with the reason), posts the rest through the outbox.
import type { Campaign, FrontdeskDb } from '../../db';
import type { ClubContext, ClubOSClient } from '../clubos/types';
import { mergeMessage } from './merge-fields';
import type { Outbox, SendOutcome } from './outbox';
import type { ActionLogPort, BusinessHoursPort } from './ports';

export interface CampaignStepDeps {
  db: FrontdeskDb;
  client: ClubOSClient;
  context: ClubContext;
  outbox: Outbox;
  hours: BusinessHoursPort;
  actionLog: ActionLogPort;
  now: number;
}

export type CampaignStep =
  | { kind: 'finished' }
  /** Nothing queued, but texts still unconfirmed: wait for the outbox to settle them. */
  | { kind: 'waiting' }
  | { kind: 'skipped'; recipientId: number }
  | { kind: 'posted'; outcome: SendOutcome };

export async function campaignStep(campaign: Campaign, deps: CampaignStepDeps): Promise<CampaignStep> {
  const { db, now } = deps;
  const actor = `campaign ${campaign.id}`;
  const recipient = db.outreach.campaigns.nextQueued(campaign.id);
  if (!recipient) {
    const counts = db.outreach.campaigns.get(campaign.id)?.counts;
    if (counts && counts.sending > 0) return { kind: 'waiting' };
    if (db.outreach.campaigns.transition(campaign.id, ['running'], 'done')) {
      deps.actionLog.append({
        kind: 'campaign',
        summary: `Campaign "${campaign.name}" finished: ${counts?.sent ?? 0} sent, ${counts?.skipped ?? 0} skipped, ${counts?.failed ?? 0} failed`,
        actor,
        data: { campaignId: campaign.id, step: 'finished' },
      });
    }
    return { kind: 'finished' };
  }
  const skip = (reason: string, kind: 'text_skipped' | 'text_blocked' = 'text_skipped'): CampaignStep => {
    db.transaction(() => {
      db.outreach.campaigns.transitionRecipient(recipient.id, ['queued'], 'skipped', { reason });
      deps.actionLog.append({
        kind,
        conversationId: recipient.conversationId,
        memberId: recipient.memberId,
        memberName: recipient.memberName,
        summary: `Campaign "${campaign.name}": ${recipient.memberName} skipped`,
        reason,
        actor,
        data: { campaignId: campaign.id, recipientId: recipient.id },
      });
    });
    return { kind: 'skipped', recipientId: recipient.id };
  };
  if (recipient.memberId === null) return skip('no ClubOS member matched');
  const conversation = recipient.conversationId === null ? null : db.conversations.get(recipient.conversationId);
  if (conversation?.optedOut) return skip('opted out of texts (texted STOP)');
  const merged = mergeMessage(campaign.body, { memberName: recipient.memberName }, deps.hours, now);
  if (!merged.ok) return skip(merged.reason, 'text_blocked');

  const memberId = recipient.memberId;
  const outcome = await deps.outbox.send({
    client: deps.client,
    context: deps.context,
    entry: {
      origin: 'campaign',
      originId: recipient.id,
      conversationId: conversation?.id ?? null,
      memberId,
      memberName: recipient.memberName,
      channel: 'sms',
      body: merged.text,
    },
    onBegin: () => {
      if (!db.outreach.campaigns.transitionRecipient(recipient.id, ['queued'], 'sending', { body: merged.text })) {
        throw new Error('the recipient was changed meanwhile');
      }
    },
  });
  return { kind: 'posted', outcome };
}
