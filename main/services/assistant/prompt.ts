// The model's prompt: the knowledge and the thread, nothing else (no member ids, no phone numbers,
// no other members). The rules repeat what the guards enforce, so a good model rarely trips them.
import { allFacts } from './facts';
import type { Knowledge } from '../../../common/knowledge';
import type { ChatMessage } from './provider';
import type { ThreadMessage } from './member-context';

const MAX_THREAD = 12;

export function buildPrompt(knowledge: Knowledge, thread: readonly ThreadMessage[]): ChatMessage[] {
  const facts = allFacts(knowledge);
  const club = knowledge.clubName || 'the gym';
  const system = [
    `You write SMS replies for the front desk of ${club}. Draft the reply to the member's latest text.`,
    'Rules:',
    "- Reply in the member's language, in at most 3 short sentences, plain text, no greeting signature.",
    '- State only facts from the FACTS list. If they do not answer the question, say you will check and get back to them.',
    '- Never promise refunds, credits, waived fees, cancellations, freezes or anything about money.',
    '- No links, prices, phone numbers or times unless they appear in FACTS or in the conversation.',
    '- Never use placeholders such as [name] or {name}.',
    'FACTS:',
    ...(facts.length > 0 ? facts.map((f) => `- ${f.text}`) : ['- (none)']),
  ].join('\n');
  const turns: ChatMessage[] = thread
    .filter((m) => m.direction !== 'system')
    .slice(-MAX_THREAD)
    .map((m) => ({ role: m.direction === 'inbound' ? 'user' : 'assistant', content: m.body.slice(0, 1000) }));
  return [{ role: 'system', content: system }, ...turns];
}
