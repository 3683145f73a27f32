// One member text in, the assistant's verdict out: safety flags, the rule-based draft, the guards'
// findings and the policy's decision. Pure (no database, no clock of its own), so the evaluation
// runs exactly what the app runs.
import { classify, type Classification } from '../../intents/classifier';
import type { AssistantSettings } from '../../../common/assistant-settings';
import { draftReply, type Draft } from './drafting';
import { knowledgeCorpus } from './facts';
import { checkDraft, type GuardFailure } from './guards';
import type { Knowledge } from '../../../common/knowledge';
import { memberContext, type ThreadMessage } from './member-context';
import { decide, type PolicyDecision } from './policy';
import { safetyFlags, type SafetyFlag } from './safety';
import { isStaffedAt } from './business-hours';

export interface AssessInput {
  text: string;
  /** The classifier's verdict as stored; classified here when absent. */
  classification?: Pick<Classification, 'intent' | 'confidence' | 'needsReply'>;
  memberName: string;
  optedOut: boolean;
  /** The conversation, oldest first, the text itself included. */
  thread: readonly ThreadMessage[];
  knowledge: Knowledge;
  settings: AssistantSettings;
  nowMs: number;
  timeZone: string;
  autoRepliesThisTurn: number;
  autoRepliesLastHour: number;
  /** Texts older than this are never answered automatically: a person should see late arrivals. */
  stale?: boolean;
}

export interface Assessment {
  classification: Pick<Classification, 'intent' | 'confidence' | 'needsReply'>;
  flags: SafetyFlag[];
  draft: Draft;
  guardFailures: GuardFailure[];
  staffed: boolean;
  policy: PolicyDecision;
}

export function assess(input: AssessInput): Assessment {
  const classification = input.classification ?? classify(input.text);
  const flags = safetyFlags(input.text);
  const member = memberContext(input.memberName, input.optedOut, input.thread);
  const draft = draftReply({
    intent: classification.intent,
    text: input.text,
    member,
    knowledge: input.knowledge,
    nowMs: input.nowMs,
    timeZone: input.timeZone,
    flags,
  });
  const guardFailures = draft.text === '' ? [] : checkDraft(draft.text, { knowledge: knowledgeCorpus(input.knowledge), thread: input.thread.map((m) => m.body).join('\n') });
  const staffed = isStaffedAt(input.knowledge, input.nowMs, input.timeZone);
  const policy = decide({
    intent: classification.intent,
    confidence: classification.confidence,
    needsReply: classification.needsReply,
    flags,
    topics: draft.topics,
    optedOut: input.optedOut,
    mode: input.settings.policy[classification.intent],
    threshold: input.settings.autoThreshold,
    staffed,
    autoAfterHours: input.settings.autoAfterHours,
    autoRepliesThisTurn: input.autoRepliesThisTurn,
    autoRepliesLastHour: input.autoRepliesLastHour,
    hourlyCap: input.settings.hourlyCap,
    draftComplete: draft.missing.length === 0,
    draftPassesGuards: guardFailures.length === 0,
    draftEmpty: draft.text === '',
  });
  if (input.stale && policy.decision === 'auto') return { classification, flags, draft, guardFailures, staffed, policy: { decision: 'queue', refused: ['stale_message'] } };
  return { classification, flags, draft, guardFailures, staffed, policy };
}
