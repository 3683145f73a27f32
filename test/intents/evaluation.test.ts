// The classifier against hand-labelled texts (test/fixtures/intents/README.md). `eval.jsonl` was
// written before the classifier and the rules were then written with it in view; `holdout.jsonl`
// was written after the rules and never used to tune them, so it is the fairer estimate.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from '../../main/intents/classifier';
import { evaluate, formatReport } from './intent-metrics';
import { readLabelledSet, type LabelledMessage } from './labelled-set';

const MIN_MACRO_F1 = 0.8;
const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/intents/${name}`, import.meta.url));
const evalSet = readLabelledSet(fixture('eval.jsonl'));
const holdoutSet = readLabelledSet(fixture('holdout.jsonl'));

function run(title: string, set: readonly LabelledMessage[]): number {
  const pairs = set.map((m) => ({ expected: m.intent, predicted: classify(m.text).intent, text: m.text }));
  const report = evaluate(pairs);
  const misses = pairs.filter((p) => p.expected !== p.predicted).map((p) => `  ${p.expected} → ${p.predicted}: ${JSON.stringify(p.text)}`);
  console.log(`${formatReport(title, report)}\nmisses (${misses.length}):\n${misses.join('\n')}\n`);
  return report.macroF1;
}

const share = (set: readonly LabelledMessage[], test: (m: LabelledMessage) => boolean): number => set.filter(test).length / set.length;

describe('intent evaluation', () => {
  it('has an evaluation set shaped like a real ClubOS inbox (protocol §7)', () => {
    expect(evalSet.length).toBeGreaterThanOrEqual(200);
    expect(share(evalSet, (m) => m.text.startsWith('CONFIRM - '))).toBeGreaterThan(0.1);
    expect(share(evalSet, (m) => m.text.startsWith('STOP - OPT OUT'))).toBeGreaterThan(0.06);
    expect(evalSet.some((m) => m.text.startsWith('CANCEL - OPT OUT'))).toBe(true);
    expect(evalSet.some((m) => m.text.startsWith('START - OPT IN'))).toBe(true);
    expect(evalSet.some((m) => m.text.includes('\n'))).toBe(true);
    expect(share(evalSet, (m) => /\p{Extended_Pictographic}/u.test(m.text))).toBeGreaterThan(0.02);
    expect(share(evalSet, (m) => /\b(?:quiero|cita|gracias|membresía|cuanto|hola|mañana|cobraron)\b/iu.test(m.text))).toBeGreaterThan(0.015);
    // Every member intent is represented, so the macro average covers them all.
    expect(new Set(evalSet.map((m) => m.intent)).size).toBe(14);
  });

  it('keeps the holdout set disjoint from the evaluation set (ClubOS auto-texts aside)', () => {
    const seen = new Set(evalSet.map((m) => m.text.toLowerCase()));
    const shared = holdoutSet.filter((m) => seen.has(m.text.toLowerCase()) && !/ - OPT (?:OUT|IN) |^CONFIRM - No event|^stop$/i.test(m.text));
    expect(shared).toEqual([]);
  });

  it(`scores at least ${MIN_MACRO_F1} macro-F1 on the evaluation set`, () => {
    expect(run(`eval.jsonl (${evalSet.length} messages)`, evalSet)).toBeGreaterThanOrEqual(MIN_MACRO_F1);
  });

  it(`scores at least ${MIN_MACRO_F1} macro-F1 on the holdout set`, () => {
    expect(run(`holdout.jsonl (${holdoutSet.length} messages)`, holdoutSet)).toBeGreaterThanOrEqual(MIN_MACRO_F1);
  });
});
