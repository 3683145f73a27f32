// Campaigns and their recipients. A recipient row moves queued → sending → sent, or ends skipped
// or failed with a reason; the outbox (unique per recipient) makes a second send impossible.
import { z } from 'zod';
import type { DbContext } from '../../db-context';
import { DbError } from '../../errors';
import { epochToStored } from '../../iso-time';

export type CampaignState = 'draft' | 'running' | 'paused' | 'cancelled' | 'done';
export type RecipientState = 'queued' | 'sending' | 'sent' | 'skipped' | 'failed';

export interface QuietHours {
  /** Minutes after the club's midnight when sending must stop (21:00 → 1260). */
  startMinute: number;
  /** Minutes after the club's midnight when sending may start again (08:00 → 480). */
  endMinute: number;
}

export interface RecipientCounts {
  total: number;
  queued: number;
  sending: number;
  sent: number;
  skipped: number;
  failed: number;
}

export interface Campaign {
  id: number;
  name: string;
  body: string;
  source: string;
  state: CampaignState;
  ratePerMinute: number;
  quietHours: QuietHours | null;
  approvedBy: string | null;
  approvedAt: number | null;
  createdAt: number;
  finishedAt: number | null;
  counts: RecipientCounts;
}

export interface CampaignRecipient {
  id: number;
  campaignId: number;
  position: number;
  memberId: string | null;
  memberName: string;
  phone: string | null;
  conversationId: number | null;
  state: RecipientState;
  reason: string | null;
  /** The text as sent (or as it would be sent). */
  body: string | null;
  sentAt: number | null;
}

export interface NewRecipient {
  memberId: string | null;
  memberName: string;
  phone?: string | null;
  conversationId?: number | null;
  /** Recipients known to be unsendable at creation (opted out, unmatched) start skipped. */
  skipReason?: string | null;
}

const campaignRow = z.object({
  id: z.number().int(),
  name: z.string(),
  body: z.string(),
  source: z.string(),
  state: z.enum(['draft', 'running', 'paused', 'cancelled', 'done']),
  rate_per_minute: z.number().int(),
  quiet_start_minute: z.number().int().nullable(),
  quiet_end_minute: z.number().int().nullable(),
  approved_by: z.string().nullable(),
  approved_at: z.string().nullable(),
  created_at: z.string(),
  finished_at: z.string().nullable(),
});

const recipientRow = z.object({
  id: z.number().int(),
  campaign_id: z.number().int(),
  position: z.number().int(),
  member_id: z.string().nullable(),
  member_name: z.string(),
  phone: z.string().nullable(),
  conversation_id: z.number().int().nullable(),
  state: z.enum(['queued', 'sending', 'sent', 'skipped', 'failed']),
  reason: z.string().nullable(),
  body: z.string().nullable(),
  sent_at: z.string().nullable(),
});

const ms = (s: string | null): number | null => (s === null ? null : Date.parse(s));

function toRecipient(raw: unknown): CampaignRecipient {
  const r = recipientRow.parse(raw);
  return {
    id: r.id,
    campaignId: r.campaign_id,
    position: r.position,
    memberId: r.member_id,
    memberName: r.member_name,
    phone: r.phone,
    conversationId: r.conversation_id,
    state: r.state,
    reason: r.reason,
    body: r.body,
    sentAt: ms(r.sent_at),
  };
}

export interface CampaignQueries {
  create(campaign: { name: string; body: string; source: string; ratePerMinute: number; quietHours: QuietHours | null }, recipients: readonly NewRecipient[]): Campaign;
  get(id: number): Campaign | null;
  list(limit?: number): Campaign[];
  /** Campaigns the runner works on. */
  running(): Campaign[];
  /** Moves the campaign when it is in one of `from`; false otherwise. */
  transition(id: number, from: readonly CampaignState[], to: CampaignState, extra?: { approvedBy?: string }): boolean;
  /** While a campaign is a draft its text can still change (before approval). */
  setBody(id: number, body: string): boolean;
  recipients(campaignId: number, options?: { state?: RecipientState; limit?: number; offset?: number }): CampaignRecipient[];
  recipient(id: number): CampaignRecipient | null;
  nextQueued(campaignId: number): CampaignRecipient | null;
  /** Recipients left in 'sending' by a run that ended mid-send. */
  sendingRecipients(): CampaignRecipient[];
  /** Marks every still-queued recipient skipped (a cancelled campaign); returns how many. */
  skipQueued(campaignId: number, reason: string): number;
  transitionRecipient(id: number, from: readonly RecipientState[], to: RecipientState, extra?: { reason?: string | null; body?: string | null; sentAt?: number | null }): boolean;
}

export function campaignQueries(ctx: DbContext): CampaignQueries {
  const counts = (campaignId: number): RecipientCounts => {
    const rows = ctx.prepare('SELECT state, count(*) AS n FROM campaign_recipients WHERE campaign_id = ? GROUP BY state').all(campaignId) as Array<{ state: string; n: number }>;
    const c: RecipientCounts = { total: 0, queued: 0, sending: 0, sent: 0, skipped: 0, failed: 0 };
    for (const r of rows) {
      if (r.state in c) c[r.state as RecipientState] = r.n;
      c.total += r.n;
    }
    return c;
  };
  const toCampaign = (raw: unknown): Campaign => {
    const r = campaignRow.parse(raw);
    return {
      id: r.id,
      name: r.name,
      body: r.body,
      source: r.source,
      state: r.state,
      ratePerMinute: r.rate_per_minute,
      quietHours: r.quiet_start_minute === null || r.quiet_end_minute === null ? null : { startMinute: r.quiet_start_minute, endMinute: r.quiet_end_minute },
      approvedBy: r.approved_by,
      approvedAt: ms(r.approved_at),
      createdAt: Date.parse(r.created_at),
      finishedAt: ms(r.finished_at),
      counts: counts(r.id),
    };
  };
  const get = (id: number): Campaign | null => {
    const r: unknown = ctx.prepare('SELECT * FROM campaigns WHERE id = ?').get(id);
    return r === undefined ? null : toCampaign(r);
  };
  const list = (sql: string, ...params: Array<string | number>): Campaign[] => ctx.prepare(sql).all(...params).map(toCampaign);

  return {
    create(campaign, recipients) {
      return ctx.transaction(() => {
        const info = ctx
          .prepare(
            `INSERT INTO campaigns (name, body, source, state, rate_per_minute, quiet_start_minute, quiet_end_minute, created_at)
             VALUES (?, ?, ?, 'draft', ?, ?, ?, ?)`,
          )
          .run(campaign.name, campaign.body, campaign.source, campaign.ratePerMinute, campaign.quietHours?.startMinute ?? null, campaign.quietHours?.endMinute ?? null, ctx.nowIso());
        const id = Number(info.lastInsertRowid);
        const insert = ctx.prepare(
          `INSERT INTO campaign_recipients (campaign_id, position, member_id, member_name, phone, conversation_id, state, reason, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        const now = ctx.nowIso();
        recipients.forEach((r, position) => {
          const skipped = r.skipReason ?? (r.memberId === null ? 'no ClubOS member matched' : null);
          insert.run(id, position, r.memberId, r.memberName, r.phone ?? null, r.conversationId ?? null, skipped === null ? 'queued' : 'skipped', skipped, now);
        });
        const created = get(id);
        if (!created) throw new DbError('not_found', 'the campaign could not be read back');
        return created;
      });
    },
    get,
    list: (limit = 100) => list('SELECT * FROM campaigns ORDER BY id DESC LIMIT ?', limit),
    running: () => list(`SELECT * FROM campaigns WHERE state = 'running' ORDER BY id`),
    transition(id, from, to, extra) {
      if (from.length === 0) return false;
      const sets = ['state = @to'];
      const params: Record<string, string | number | null> = { id, to };
      if (extra?.approvedBy !== undefined) {
        sets.push('approved_by = @by, approved_at = @at');
        params.by = extra.approvedBy;
        params.at = ctx.nowIso();
      }
      if (to === 'done' || to === 'cancelled') {
        sets.push('finished_at = @fin');
        params.fin = ctx.nowIso();
      }
      from.forEach((s, i) => (params[`from${i}`] = s));
      const sql = `UPDATE campaigns SET ${sets.join(', ')} WHERE id = @id AND state IN (${from.map((_, i) => `@from${i}`).join(', ')})`;
      return ctx.prepare(sql).run(params).changes > 0;
    },
    setBody: (id, body) => ctx.prepare(`UPDATE campaigns SET body = ? WHERE id = ? AND state = 'draft'`).run(body, id).changes > 0,
    recipients(campaignId, options = {}) {
      const state = options.state;
      const sql = `SELECT * FROM campaign_recipients WHERE campaign_id = ? ${state ? 'AND state = ?' : ''} ORDER BY position LIMIT ? OFFSET ?`;
      const params: Array<string | number> = [campaignId];
      if (state) params.push(state);
      params.push(Math.max(1, Math.min(options.limit ?? 1000, 10_000)), Math.max(0, options.offset ?? 0));
      return ctx.prepare(sql).all(...params).map(toRecipient);
    },
    recipient(id) {
      const r: unknown = ctx.prepare('SELECT * FROM campaign_recipients WHERE id = ?').get(id);
      return r === undefined ? null : toRecipient(r);
    },
    nextQueued(campaignId) {
      const r: unknown = ctx.prepare(`SELECT * FROM campaign_recipients WHERE campaign_id = ? AND state = 'queued' ORDER BY position LIMIT 1`).get(campaignId);
      return r === undefined ? null : toRecipient(r);
    },
    sendingRecipients: () => ctx.prepare(`SELECT * FROM campaign_recipients WHERE state = 'sending' ORDER BY id`).all().map(toRecipient),
    skipQueued: (campaignId, reason) =>
      ctx.prepare(`UPDATE campaign_recipients SET state = 'skipped', reason = ?, updated_at = ? WHERE campaign_id = ? AND state = 'queued'`).run(reason, ctx.nowIso(), campaignId).changes,
    transitionRecipient(id, from, to, extra) {
      if (from.length === 0) return false;
      const sets = ['state = @to', 'updated_at = @now'];
      const params: Record<string, string | number | null> = { id, to, now: ctx.nowIso() };
      if (extra?.reason !== undefined) {
        sets.push('reason = @reason');
        params.reason = extra.reason;
      }
      if (extra?.body !== undefined) {
        sets.push('body = @body');
        params.body = extra.body;
      }
      if (extra?.sentAt !== undefined) {
        sets.push('sent_at = @sentAt');
        params.sentAt = extra.sentAt === null ? null : epochToStored(extra.sentAt);
      }
      from.forEach((s, i) => (params[`from${i}`] = s));
      const sql = `UPDATE campaign_recipients SET ${sets.join(', ')} WHERE id = @id AND state IN (${from.map((_, i) => `@from${i}`).join(', ')})`;
      return ctx.prepare(sql).run(params).changes > 0;
    },
  };
}
