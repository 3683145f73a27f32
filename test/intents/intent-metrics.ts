// Per-intent precision, recall and F1 for a labelled set, and the macro average over the intents
// the set contains (an intent nobody labelled cannot be recalled, so it would only add noise).
import type { Intent } from '../../common/intent-catalog';

export interface IntentScore {
  intent: Intent;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvaluationReport {
  perIntent: IntentScore[];
  macroF1: number;
  accuracy: number;
}

export function evaluate(pairs: readonly { expected: Intent; predicted: Intent }[]): EvaluationReport {
  const truePositive = new Map<Intent, number>();
  const predictedCount = new Map<Intent, number>();
  const expectedCount = new Map<Intent, number>();
  const bump = (m: Map<Intent, number>, k: Intent): void => void m.set(k, (m.get(k) ?? 0) + 1);
  for (const { expected, predicted } of pairs) {
    bump(expectedCount, expected);
    bump(predictedCount, predicted);
    if (expected === predicted) bump(truePositive, expected);
  }
  const perIntent = [...expectedCount.keys()].sort().map((intent): IntentScore => {
    const tp = truePositive.get(intent) ?? 0;
    const precision = tp === 0 ? 0 : tp / (predictedCount.get(intent) ?? 0);
    const recall = tp / (expectedCount.get(intent) ?? 1);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { intent, support: expectedCount.get(intent) ?? 0, precision, recall, f1 };
  });
  const macroF1 = perIntent.length === 0 ? 0 : perIntent.reduce((s, r) => s + r.f1, 0) / perIntent.length;
  const correct = [...truePositive.values()].reduce((s, n) => s + n, 0);
  return { perIntent, macroF1, accuracy: pairs.length === 0 ? 0 : correct / pairs.length };
}

export function formatReport(title: string, report: EvaluationReport): string {
  const pct = (x: number): string => x.toFixed(2).padStart(9);
  const lines = [
    title,
    `${'intent'.padEnd(28)}${'n'.padStart(4)}${'precision'.padStart(10)}${'recall'.padStart(9)}${'f1'.padStart(9)}`,
    ...report.perIntent.map((r) => `${r.intent.padEnd(28)}${String(r.support).padStart(4)} ${pct(r.precision)}${pct(r.recall)}${pct(r.f1)}`),
    `macro-F1 ${report.macroF1.toFixed(3)}   accuracy ${report.accuracy.toFixed(3)}`,
  ];
  return lines.join('\n');
}
