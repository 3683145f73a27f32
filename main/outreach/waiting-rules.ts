// Waiting-too-long rules: how many business minutes a member may wait for an answer before the
// conversation is raised in the list and staff get one desktop notification. A rule matches an
// intent or a tag; the default covers everything else (2 business hours).
import { waitingRulesSchema, type OutreachSettings } from '../../common/contract';
import type { FrontdeskDb } from '../../db';
import type { BusinessHoursPort } from './ports';

export { waitingRulesSchema };
export type WaitingRules = OutreachSettings['waitingRules'];
export const WAITING_RULES_KEY = 'outreach.waitingRules';
export const DEFAULT_WAITING_RULES: WaitingRules = { defaultBusinessMinutes: 120, rules: [] };

/** The threshold (business ms) for a conversation: the strictest matching rule, else the default. */
export function thresholdFor(conversation: { intent: string | null; tags: readonly string[] }, rules: WaitingRules): number | null {
  const matching = rules.rules.filter((r) => (r.intent !== undefined && r.intent === conversation.intent) || (r.tag !== undefined && conversation.tags.includes(r.tag)));
  const minutes = matching.length > 0 ? Math.min(...matching.map((r) => r.businessMinutes)) : rules.defaultBusinessMinutes;
  return minutes === null ? null : minutes * 60_000;
}

export interface RaisedConversation {
  conversationId: number;
  waitedMs: number;
  /** True the first time this waiting episode is raised: notify once. */
  notify: boolean;
}

/** Raises the conversations that waited too long and lowers the ones no longer waiting. */
export function applyWaitingRules(db: FrontdeskDb, hours: BusinessHoursPort, rules: WaitingRules, now: number): { raised: RaisedConversation[]; lowered: number[] } {
  const raised: RaisedConversation[] = [];
  const lowered: number[] = [];
  db.transaction(() => {
    const waiting = db.outreach.attention.waiting(now);
    const stillWaiting = new Set(waiting.map((w) => w.id));
    for (const w of waiting) {
      const threshold = thresholdFor(w, rules);
      const waited = threshold === null ? 0 : hours.businessMsBetween(w.waitingSince, now);
      if (threshold === null || waited < threshold) {
        // Staff loosened the rules (or Knowledge's hours): no longer overdue.
        if (w.attentionReason === 'waiting' && db.outreach.attention.clear(w.id)) lowered.push(w.id);
        continue;
      }
      if (w.attentionReason === null) db.outreach.attention.raise(w.id, 'waiting', now);
      const first = db.outreach.attention.noticeOnce(w.id, `waiting:${new Date(w.waitingSince).toISOString()}`);
      if (w.attentionReason === null || first) raised.push({ conversationId: w.id, waitedMs: waited, notify: first });
    }
    for (const r of db.outreach.attention.raised()) {
      const over = !r.active || (r.reason === 'waiting' && (!r.requiresResponse || !stillWaiting.has(r.id)));
      if (over && db.outreach.attention.clear(r.id)) lowered.push(r.id);
    }
  });
  return { raised, lowered };
}
