// The texts ClubOS itself writes into the inbox when a member sends a keyword, and the bare
// keywords themselves (main/clubos/MARKUP.md, protocol §7.2). They are matched before any
// keyword scoring: "CANCEL - OPT OUT message received" must never score as a cancellation.
import type { SystemIntent } from '../../common/intent-catalog';

export interface SystemTextMatch {
  intent: SystemIntent;
  /** The rule that matched, for `ai_action_taken`. */
  signal: string;
  /** ClubOS's own auto-text (certain) rather than a member's bare keyword (ClubOS acts on it too). */
  auto: boolean;
}

const CONFIRMED = /^confirm - .+ has been confirmed\.?$/iu;
const CONFIRM_NO_EVENT = /^confirm - no event was found\b/iu;
const OPT_OUT_TEXT = /^([a-z]+) - opt out message received\b/iu;
const OPT_IN_TEXT = /^([a-z]+) - opt in message received\b/iu;

// The carrier keyword lists (CTIA): ClubOS answers the opt-out set with its OPT OUT text.
const OPT_OUT_KEYWORDS = new Set(['stop', 'stopall', 'stop all', 'unsubscribe', 'cancel', 'end', 'quit']);
const OPT_IN_KEYWORDS = new Set(['start', 'unstop']);

export function matchSystemText(body: string): SystemTextMatch | null {
  const text = body.replace(/\s+/gu, ' ').trim();
  if (CONFIRM_NO_EVENT.test(text)) return { intent: 'appointment_confirmation', signal: 'system:confirm-no-event', auto: true };
  if (CONFIRMED.test(text)) return { intent: 'appointment_confirmation', signal: 'system:confirm', auto: true };
  const optOut = OPT_OUT_TEXT.exec(text);
  if (optOut) return { intent: 'opt_out', signal: `system:opt-out:${(optOut[1] ?? '').toLowerCase()}`, auto: true };
  const optIn = OPT_IN_TEXT.exec(text);
  if (optIn) return { intent: 'opt_in', signal: `system:opt-in:${(optIn[1] ?? '').toLowerCase()}`, auto: true };

  const bare = text.toLowerCase().replace(/[.!\s]+$/u, '');
  if (OPT_OUT_KEYWORDS.has(bare)) return { intent: 'opt_out', signal: 'keyword:opt-out', auto: false };
  if (OPT_IN_KEYWORDS.has(bare)) return { intent: 'opt_in', signal: 'keyword:opt-in', auto: false };
  return null;
}
