// Settings → Follow-ups as the form edits it: waits in business hours (the settings store business
// minutes), each rule naming an intent or a tag, and the late limit. Parsing gives the settings or
// an error per field, so nothing half-valid is sent.
import type { OutreachSettings } from '../../../common/contract';
import { INTENTS, isIntent, type Intent } from '../../../common/intent-catalog';

export interface RuleInput {
  /** Stable key for React while rows are added and removed. */
  key: number;
  target: 'intent' | 'tag';
  intent: Intent;
  tag: string;
  hours: string;
}

export interface FollowUpInput {
  /** Empty: no default rule (only the rules below mark anything overdue). */
  defaultHours: string;
  rules: RuleInput[];
  lateLimitMinutes: string;
}

export type FollowUpField = 'defaultHours' | 'lateLimitMinutes' | `rule.${number}.tag` | `rule.${number}.hours` | `rule.${number}.target`;

const MAX_MINUTES = 10_080;

/** "2", "1.5", "0.25" business hours as minutes; null when it is not a wait the settings take. */
export function hoursToMinutes(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(?:\.\d+)?$/.test(trimmed)) return null;
  const minutes = Math.round(Number(trimmed) * 60);
  return minutes >= 1 && minutes <= MAX_MINUTES ? minutes : null;
}

export const minutesToHours = (minutes: number): string => String(Math.round((minutes / 60) * 100) / 100);

let nextKey = 1;
export const newRule = (over: Partial<RuleInput> = {}): RuleInput => ({ key: nextKey++, target: 'intent', intent: INTENTS[0], tag: '', hours: '1', ...over });

export function settingsToInput(s: OutreachSettings): FollowUpInput {
  return {
    defaultHours: s.waitingRules.defaultBusinessMinutes === null ? '' : minutesToHours(s.waitingRules.defaultBusinessMinutes),
    rules: s.waitingRules.rules.map((r) =>
      newRule({
        target: r.intent !== undefined ? 'intent' : 'tag',
        intent: r.intent ?? INTENTS[0],
        tag: r.tag ?? '',
        hours: minutesToHours(r.businessMinutes),
      }),
    ),
    lateLimitMinutes: String(s.lateLimitMinutes),
  };
}

const HOURS_ERROR = 'a number of business hours from 0.25 to 168';

export function parseFollowUpInput(input: FollowUpInput): { ok: true; settings: OutreachSettings } | { ok: false; errors: Partial<Record<FollowUpField, string>> } {
  const errors: Partial<Record<FollowUpField, string>> = {};
  let defaultMinutes: number | null = null;
  if (input.defaultHours.trim() !== '') {
    defaultMinutes = hoursToMinutes(input.defaultHours);
    if (defaultMinutes === null) errors.defaultHours = HOURS_ERROR;
  }
  const rules: OutreachSettings['waitingRules']['rules'] = [];
  const seen = new Set<string>();
  input.rules.forEach((r, i) => {
    const minutes = hoursToMinutes(r.hours);
    if (minutes === null) errors[`rule.${i}.hours`] = HOURS_ERROR;
    const tag = r.tag.trim();
    if (r.target === 'tag' && (tag === '' || tag.length > 60)) errors[`rule.${i}.tag`] = 'name the tag (up to 60 characters)';
    if (r.target === 'intent' && !isIntent(r.intent)) errors[`rule.${i}.target`] = 'choose a kind of message';
    const what = r.target === 'tag' ? `tag:${tag.toLowerCase()}` : `intent:${r.intent}`;
    const duplicateAt: FollowUpField = r.target === 'tag' ? `rule.${i}.tag` : `rule.${i}.target`;
    if (seen.has(what) && !errors[duplicateAt]) errors[duplicateAt] = 'there is already a rule for this';
    seen.add(what);
    if (minutes !== null) rules.push(r.target === 'tag' ? { tag, businessMinutes: minutes } : { intent: r.intent, businessMinutes: minutes });
  });
  const late = Number(input.lateLimitMinutes.trim());
  if (!Number.isInteger(late) || late < 1 || late > MAX_MINUTES) errors.lateLimitMinutes = 'whole minutes from 1 to 10080';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, settings: { waitingRules: { defaultBusinessMinutes: defaultMinutes, rules }, lateLimitMinutes: late } };
}
