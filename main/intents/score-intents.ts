// Sums rule weights per intent and ranks the intents. Ties go to the intent the desk has to act
// on first (design: an urgent or sensitive text must not hide behind "thanks").
import type { MemberIntent } from '../../common/intent-catalog';
import type { KeywordRule } from './keyword-rule';

/** Tie-break order, most urgent first. */
export const INTENT_PRIORITY: readonly MemberIntent[] = [
  'requires_human_response',
  'appointment_cancellation',
  'appointment_request',
  'question_about_billing',
  'question_about_membership',
  'question_about_training',
  'question_about_schedule',
  'complaint',
  'spam',
  'praise',
  'general_inquiry',
];

export interface IntentScores {
  /** Intents with a positive score, best first. */
  ranked: { intent: MemberIntent; score: number }[];
  /** Ids of the rules that matched, in rule order. */
  signals: string[];
}

export function scoreIntents(normalized: string, rules: readonly KeywordRule[]): IntentScores {
  const totals = new Map<MemberIntent, number>();
  const signals: string[] = [];
  for (const rule of rules) {
    if (!rule.pattern.test(normalized)) continue;
    signals.push(rule.id);
    totals.set(rule.intent, (totals.get(rule.intent) ?? 0) + rule.weight);
  }
  const ranked = INTENT_PRIORITY.flatMap((intent) => {
    const score = totals.get(intent) ?? 0;
    return score > 0 ? [{ intent, score }] : [];
  });
  // Array.prototype.sort is stable, so equal scores keep INTENT_PRIORITY order.
  ranked.sort((a, b) => b.score - a.score);
  return { ranked, signals };
}

/**
 * 0..1 from the best and second-best scores: half from the margin between them (a near tie is a
 * coin toss), half from how much evidence the winner has (one weak hint is not certainty).
 */
export function confidenceFromScores(best: number, second: number): number {
  if (best <= 0) return 0;
  const margin = (best - Math.max(0, second)) / best;
  const evidence = 1 - Math.exp(-best / 3);
  return Math.min(0.99, Math.round((0.5 * margin + 0.5 * evidence) * 100) / 100);
}
