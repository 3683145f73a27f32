// The outreach tables (migration 004) as one group of queries.
import type { DbContext } from '../../db-context';
import { attentionQueries, type AttentionQueries } from './attention';
import { audienceQueries, type AudienceQueries } from './audience';
import { campaignQueries, type CampaignQueries } from './campaigns';
import { outboxQueries, type OutboxQueries } from './outbox';
import { outreachLogQueries, type OutreachLogQueries } from './outreach-log';
import { scheduledQueries, type ScheduledQueries } from './scheduled';

export interface OutreachQueries {
  readonly outbox: OutboxQueries;
  readonly scheduled: ScheduledQueries;
  readonly campaigns: CampaignQueries;
  readonly log: OutreachLogQueries;
  readonly attention: AttentionQueries;
  readonly audience: AudienceQueries;
}

export function outreachQueries(ctx: DbContext): OutreachQueries {
  return {
    outbox: outboxQueries(ctx),
    scheduled: scheduledQueries(ctx),
    campaigns: campaignQueries(ctx),
    log: outreachLogQueries(ctx),
    attention: attentionQueries(ctx),
    audience: audienceQueries(ctx),
  };
}

export type * from './attention';
export type * from './audience';
export type * from './campaigns';
export type * from './outbox';
export type * from './outreach-log';
export type * from './scheduled';
