// A weighted phrase feature. Rules are data: the scorer sums the weights of the rules that match
// a normalized text, per intent, and each rule counts once however often its phrase repeats.
import type { MemberIntent } from '../../common/intent-catalog';

export interface KeywordRule {
  /** Stable name, recorded in `ai_action_taken.signals`: `<area>.<feature>`. */
  id: string;
  intent: MemberIntent;
  /** Tested against normalizeText() output; never global, so test() keeps no state. */
  pattern: RegExp;
  weight: number;
}

/** Builds a rule's pattern from source text, so shared fragments (days, times) compose. */
export function phrase(source: string): RegExp {
  return new RegExp(source, 'u');
}

/** Day names and their texting abbreviations ("tues", "thurs", "sat"). */
export const DAY = String.raw`(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?`;
/** When a session is: "today", "tmrw", "this weekend", a day name. */
export const WHEN = String.raw`(?:today|tonight|tomorrow|tmrw|tmr|this (?:morning|afternoon|evening|week(?:end)?)|next week|${DAY})`;
/** A clock time as members write it: "6am", "5:30", "7 pm", "noon". */
export const TIME = String.raw`(?:\d{1,2}(?::\d{2})? ?(?:am|pm)|\d{1,2}:\d{2}|noon)`;
