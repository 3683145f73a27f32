// The decision for one member text: nothing, a suggestion in the composer, an approval-queue item,
// or an automatic reply. Staff choose a mode per intent; automatic sending then has to pass every
// gate here, and when one fails the draft waits for a person instead (with the reasons logged).
import type { Intent } from '../../../common/intent-catalog';
import { NEVER_AUTO_INTENTS, type AssistantMode } from '../../../common/assistant-settings';
import type { SafetyFlag } from './safety';
import type { Topic } from './topics';

export type Decision = 'none' | 'suggest' | 'queue' | 'auto';

/** Topics that make a text a cancellation or a money matter even when filed under another intent. */
const NEVER_AUTO_TOPICS: ReadonlySet<Topic> = new Set<Topic>(['cancel']);

export type RefusalReason =
  | 'intent_needs_person'
  | 'cancellation'
  | 'safety'
  | 'low_confidence'
  | 'outside_staffed_hours'
  | 'already_replied_this_turn'
  | 'hourly_cap'
  | 'opted_out'
  | 'draft_incomplete'
  | 'draft_failed_guard'
  | 'stale_message';

export const REFUSAL_LABELS: Readonly<Record<RefusalReason, string>> = {
  intent_needs_person: 'this kind of message always needs a person',
  cancellation: 'it is about cancelling',
  safety: 'a safety check flagged it',
  low_confidence: 'the classifier was not sure enough',
  outside_staffed_hours: 'outside staffed hours',
  already_replied_this_turn: 'an automatic reply already went out since the member last heard from a person',
  hourly_cap: 'the hourly limit of automatic replies was reached',
  opted_out: 'the member opted out of texts',
  draft_incomplete: 'Knowledge lacks a fact the answer needs',
  draft_failed_guard: 'the draft failed a check',
  stale_message: 'the text arrived too long ago',
};

export interface DecisionInput {
  intent: Intent;
  confidence: number;
  /** False for acks, spam and ClubOS's own texts: nothing to answer. */
  needsReply: boolean;
  flags: readonly SafetyFlag[];
  topics: readonly Topic[];
  optedOut: boolean;
  mode: AssistantMode;
  threshold: number;
  staffed: boolean;
  autoAfterHours: boolean;
  autoRepliesThisTurn: number;
  autoRepliesLastHour: number;
  hourlyCap: number;
  /** Non-empty text, no missing fact, every guard passed. */
  draftComplete: boolean;
  draftPassesGuards: boolean;
  draftEmpty: boolean;
}

export interface PolicyDecision {
  decision: Decision;
  /** Why automatic sending was refused (empty when it was not asked for or went ahead). */
  refused: RefusalReason[];
}

/** Why a text may never be answered automatically, whatever the mode: the hard gates. */
export function hardRefusals(input: Pick<DecisionInput, 'intent' | 'flags' | 'topics' | 'optedOut'>): RefusalReason[] {
  const reasons: RefusalReason[] = [];
  if (input.optedOut) reasons.push('opted_out');
  if (NEVER_AUTO_INTENTS.has(input.intent)) reasons.push('intent_needs_person');
  if (input.topics.some((t) => NEVER_AUTO_TOPICS.has(t))) reasons.push('cancellation');
  if (input.flags.length > 0) reasons.push('safety');
  return reasons;
}

export function decide(input: DecisionInput): PolicyDecision {
  if (input.mode === 'off' || input.draftEmpty) return { decision: 'none', refused: [] };
  // Acks ("ok", "👍") need no answer; a text a safety check flags always does.
  if (!input.needsReply && input.flags.length === 0) return { decision: 'none', refused: [] };
  // Nothing can be texted to an opted-out member: at most a suggestion (staff may email).
  if (input.optedOut) return { decision: 'suggest', refused: input.mode === 'auto' ? ['opted_out'] : [] };
  if (input.mode === 'suggest' || input.mode === 'queue') return { decision: input.mode, refused: [] };

  const refused = hardRefusals(input);
  if (input.confidence < input.threshold) refused.push('low_confidence');
  if (!input.staffed && !input.autoAfterHours) refused.push('outside_staffed_hours');
  if (input.autoRepliesThisTurn > 0) refused.push('already_replied_this_turn');
  if (input.autoRepliesLastHour >= input.hourlyCap) refused.push('hourly_cap');
  if (!input.draftComplete) refused.push('draft_incomplete');
  if (!input.draftPassesGuards) refused.push('draft_failed_guard');
  return refused.length === 0 ? { decision: 'auto', refused } : { decision: 'queue', refused };
}
