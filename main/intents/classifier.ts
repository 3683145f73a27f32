// Intent of one inbound message: deterministic, local, no network, cheap enough to run on every
// message a poll brings in. Order matters: ClubOS's own texts first (exact), then one-line acks,
// then weighted phrase scoring.
import { intentNeedsNoReply, type Intent } from '../../common/intent-catalog';
import { ENGLISH_RULES } from './keyword-rules';
import { normalizeText } from './normalize-text';
import { confidenceFromScores, scoreIntents } from './score-intents';
import { matchShortAck } from './short-acks';
import { SPANISH_RULES } from './spanish-rules';
import { matchSystemText } from './system-texts';

/** Bump whenever rules or weights change: stored `ai_action_taken` records say which rules tagged a message. */
export const CLASSIFIER_VERSION = 'rules-2026.1';

export interface Classification {
  intent: Intent;
  /** 0..1. */
  confidence: number;
  /** False for ClubOS auto-texts, spam, empty texts and one-line acks. */
  needsReply: boolean;
  version: string;
  /** Which rules fired, for `ai_action_taken`. */
  signals: string[];
}

const RULES = [...ENGLISH_RULES, ...SPANISH_RULES];

/** When no rule fires the text is still something a person wrote: general, but say we are unsure. */
const FALLBACK_CONFIDENCE = 0.3;
const ACK_CONFIDENCE = 0.9;
const AUTO_TEXT_CONFIDENCE = 1;
const BARE_KEYWORD_CONFIDENCE = 0.95;

export function classify(body: string): Classification {
  const result = (intent: Intent, confidence: number, signals: string[], needsReply = !intentNeedsNoReply(intent)): Classification => ({
    intent,
    confidence,
    needsReply,
    version: CLASSIFIER_VERSION,
    signals,
  });

  const system = matchSystemText(body);
  if (system) return result(system.intent, system.auto ? AUTO_TEXT_CONFIDENCE : BARE_KEYWORD_CONFIDENCE, [system.signal], false);

  const text = normalizeText(body);
  if (text.length === 0) return result('general_inquiry', 0, ['empty'], false);

  const ack = matchShortAck(text);
  if (ack) return result(ack.intent, ACK_CONFIDENCE, [ack.signal], false);

  const scored = scoreIntents(text, RULES);
  const signals = scored.signals;
  // A question is never just praise: "Thanks! Are you open Sunday?" asks something, in any language.
  const asks = /[?¿]/u.test(body);
  const ranked = asks ? scored.ranked.filter((r) => r.intent !== 'praise') : scored.ranked;
  const [best, second] = ranked;
  if (!best) return result('general_inquiry', FALLBACK_CONFIDENCE, asks && scored.ranked.length > 0 ? [...signals, 'question-not-praise'] : ['fallback']);
  return result(best.intent, confidenceFromScores(best.score, second?.score ?? 0), signals);
}
