// The outreach tables (migration 004) as one group of queries. What outreach did is written to
// the app's one action log (db.actionLog), since migration 007.
import type { DbContext } from '../../db-context';
import { attentionQueries, type AttentionQueries } from './attention';
import { audienceQueries, type AudienceQueries } from './audience';
import { campaignQueries, type CampaignQueries } from './campaigns';
import { outboxQueries, type OutboxQueries } from './outbox';
import { scheduledQueries, type ScheduledQueries } from './scheduled';

export interface OutreachQueries {
  readonly outbox: OutboxQueries;
  readonly scheduled: ScheduledQueries;
  readonly campaigns: CampaignQueries;
  readonly attention: AttentionQueries;
  readonly audience: AudienceQueries;
}

export function outreachQueries(ctx: DbContext): OutreachQueries {
  return {
    outbox: outboxQueries(ctx),
    scheduled: scheduledQueries(ctx),
    campaigns: campaignQueries(ctx),
    attention: attentionQueries(ctx),
    audience: audienceQueries(ctx),
  };
}

export type * from './attention';
export type * from './audience';
export type * from './campaigns';
export type * from './outbox';
export type * from './scheduled';
