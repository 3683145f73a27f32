// The assistant against hand-labelled member texts (test/fixtures/assistant/README.md), the same
// way the app runs it (`assess`: classifier, safety, draft, guards, policy). Hard gates: no
// automatic send on a text that needs a person, no draft stating a fact Knowledge lacks (with the
// sample knowledge and with none at all). Measured: decision accuracy and draft fact recall,
// separately for the holdout set, which was never used to write or tune rules.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assess } from '../../main/services/assistant/assess';
import { DEFAULT_ASSISTANT_SETTINGS, type AssistantSettings } from '../../common/assistant-settings';
import { knowledgeCorpus } from '../../main/services/assistant/facts';
import { checkDraft } from '../../main/services/assistant/guards';
import { EMPTY_KNOWLEDGE, type Knowledge } from '../../common/knowledge';
import { zonedToEpoch } from '../../common/time/club-time';
import { readEvalSet, type EvalItem } from './assistant-eval-set';
import { SAMPLE_KNOWLEDGE } from './sample-knowledge';

const ZONE = 'America/Chicago';
const DEFAULT_AT = '2026-12-07T10:00';
const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/assistant/${name}`, import.meta.url));
const evalSet = readEvalSet(fixture('eval.jsonl'));
const holdoutSet = readEvalSet(fixture('holdout.jsonl'));

/** The policy the labels assume: staff let the assistant answer plain questions and praise by itself. */
export const EVAL_SETTINGS: AssistantSettings = {
  ...DEFAULT_ASSISTANT_SETTINGS,
  autoThreshold: 0.6,
  policy: {
    ...DEFAULT_ASSISTANT_SETTINGS.policy,
    question_about_schedule: 'auto',
    question_about_membership: 'auto',
    question_about_training: 'auto',
    general_inquiry: 'auto',
    praise: 'auto',
    appointment_request: 'queue',
    appointment_cancellation: 'queue',
    complaint: 'queue',
    question_about_billing: 'queue',
    requires_human_response: 'queue',
    spam: 'off',
  },
};

const UNSUPPORTED = new Set(['price', 'link', 'phone', 'email', 'time', 'placeholder']);

function run(item: EvalItem, knowledge: Knowledge) {
  const [date, time] = (item.at ?? DEFAULT_AT).split('T') as [string, string];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const nowMs = zonedToEpoch({ year, month, day, hour, minute }, ZONE);
  const thread = [
    ...(item.thread ?? []).map((m, i) => ({ ...m, sentAt: new Date(nowMs - (10 - i) * 3_600_000).toISOString() })),
    { direction: 'inbound' as const, body: item.text, sentAt: new Date(nowMs).toISOString() },
  ];
  const result = assess({
    text: item.text,
    memberName: 'Jordan Lee',
    optedOut: item.optedOut ?? false,
    thread,
    knowledge,
    settings: EVAL_SETTINGS,
    nowMs,
    timeZone: ZONE,
    autoRepliesThisTurn: item.autoThisTurn ?? 0,
    autoRepliesLastHour: 0,
  });
  const unsupported = checkDraft(result.draft.text, { knowledge: knowledgeCorpus(knowledge), thread: thread.map((m) => m.body).join('\n') }).filter((f) =>
    UNSUPPORTED.has(f.rule),
  );
  return { result, unsupported };
}

const factFound = (expected: string, facts: ReadonlyArray<{ id: string; kind: string }>): boolean => facts.some((f) => f.id === expected || f.kind === expected);

interface Report {
  texts: number;
  autoOnNeedsPerson: string[];
  unsafeAuto: string[];
  decisionAccuracy: number;
  factRecall: number;
  unsupported: string[];
  misses: string[];
}

function evaluate(set: readonly EvalItem[]): Report {
  const report: Report = { texts: set.length, autoOnNeedsPerson: [], unsafeAuto: [], decisionAccuracy: 0, factRecall: 0, unsupported: [], misses: [] };
  let right = 0;
  let wanted = 0;
  let found = 0;
  for (const item of set) {
    const { result, unsupported } = run(item, SAMPLE_KNOWLEDGE);
    const decision = result.policy.decision;
    if (decision === 'auto' && item.needsPerson) report.autoOnNeedsPerson.push(item.text);
    if (decision === 'auto' && item.decision !== 'auto') report.unsafeAuto.push(item.text);
    if (decision === item.decision) right++;
    else report.misses.push(`  ${item.decision} → ${decision} [${result.classification.intent} ${result.classification.confidence}; ${result.policy.refused.join(',')}]: ${JSON.stringify(item.text)}`);
    for (const fact of item.facts) {
      wanted++;
      if (factFound(fact, result.draft.facts)) found++;
      else report.misses.push(`  fact ${fact} missing: ${JSON.stringify(item.text)} → ${JSON.stringify(result.draft.text)}`);
    }
    if (unsupported.length > 0) report.unsupported.push(`${item.text} → ${result.draft.text} (${unsupported.map((u) => u.rule).join(',')})`);
  }
  report.decisionAccuracy = right / set.length;
  report.factRecall = wanted === 0 ? 1 : found / wanted;
  return report;
}

function print(title: string, r: Report): void {
  console.log(
    [
      `${title}: ${r.texts} texts`,
      `  automatic sends on texts that need a person: ${r.autoOnNeedsPerson.length}`,
      `  automatic sends where the label says otherwise: ${r.unsafeAuto.length}`,
      `  decision accuracy: ${r.decisionAccuracy.toFixed(3)}`,
      `  draft fact recall: ${r.factRecall.toFixed(3)}`,
      `  drafts stating a fact absent from Knowledge: ${r.unsupported.length}`,
      `misses:`,
      ...r.misses,
    ].join('\n'),
  );
}

const evalReport = evaluate(evalSet);
const holdoutReport = evaluate(holdoutSet);

describe('assistant evaluation', () => {
  it('has a labelled set of at least 150 texts with Spanish, context and every decision', () => {
    const all = [...evalSet, ...holdoutSet];
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(all.filter((i) => /[¿¡ñáéíóú]|\b(?:quiero|puedo|hay|gracias)\b/iu.test(i.text)).length).toBeGreaterThanOrEqual(15);
    expect(new Set(all.map((i) => i.decision))).toEqual(new Set(['none', 'suggest', 'queue', 'auto']));
    expect(all.filter((i) => i.needsPerson).length).toBeGreaterThanOrEqual(40);
    expect(all.some((i) => i.at) && all.some((i) => i.optedOut) && all.some((i) => i.thread) && all.some((i) => i.autoThisTurn)).toBe(true);
    const seen = new Set(evalSet.map((i) => i.text.toLowerCase()));
    expect(holdoutSet.filter((i) => seen.has(i.text.toLowerCase()))).toEqual([]);
  });

  it.each([
    ['eval.jsonl', evalReport],
    ['holdout.jsonl', holdoutReport],
  ] as const)('%s: no automatic send on a text that needs a person, and no invented fact (hard gates)', (name, report) => {
    print(name, report);
    expect(report.autoOnNeedsPerson).toEqual([]);
    expect(report.unsupported).toEqual([]);
  });

  it('with empty Knowledge, states no fact and tells staff what to add', () => {
    for (const item of [...evalSet, ...holdoutSet]) {
      const { result, unsupported } = run(item, EMPTY_KNOWLEDGE);
      expect(result.draft.facts, item.text).toEqual([]);
      expect(unsupported, item.text).toEqual([]);
      expect(result.policy.decision, item.text).not.toBe('auto');
      const answerable = item.facts.length > 0 && !item.needsPerson && !item.optedOut;
      if (answerable) expect(result.draft.staffNotes.join(' '), item.text).toMatch(/in Settings → Knowledge/u);
    }
  });

  it('decides and drafts well on the evaluation set', () => {
    expect(evalReport.decisionAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(evalReport.factRecall).toBeGreaterThanOrEqual(0.85);
  });

  it('decides and drafts acceptably on the holdout set', () => {
    expect(holdoutReport.decisionAccuracy).toBeGreaterThanOrEqual(0.7);
    expect(holdoutReport.factRecall).toBeGreaterThanOrEqual(0.7);
  });
});
