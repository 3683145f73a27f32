// The assistant reads its first text far more slowly than any later one. V8 compiles each of the
// text patterns (intents, safety, topics, days, language, drafting, guards) the first time it
// runs, once more for text stored two bytes a character (any accent or emoji), and once more as
// native code after a first run; the first club-time conversion loads the zone's calendar data.
// Measured under Node 22: about 90 ms for the first text, 6 ms for the first with accents, under
// 1 ms after that. Paid when the first live text arrives, that is the main thread frozen for
// several frames, in the middle of a sync (figure 5 of `npm run bench` caught it at the end of a
// first import). Paid here instead, while the core is created, before the window exists and
// before any sync: nobody waits on the thread then. Spread over timer turns instead, its steps
// (up to about 20 ms each: one pattern set, one zone's calendar) landed in the first sync's first
// second whenever the sync started right after sign-in.
import { classify } from '../../intents/classifier';
import { DEFAULT_ASSISTANT_SETTINGS } from '../../../common/assistant-settings';
import { EMPTY_KNOWLEDGE } from '../../../common/knowledge';
import { assess } from './assess';
import { languageOf } from './language';
import { safetyFlags } from './safety';
import { dayReferenceOf, matchingFaq, topicsOf } from './topics';

/** One text V8 stores a byte a character (accents of Latin-1 included), one it stores in two (an emoji, a curly quote): a pattern is compiled for each kind. */
export const WARM_UP_TEXTS: readonly string[] = [
  'Hi! Are you open tomorrow? Can I bring a friend to the 6pm yoga class, and how much is a membership?',
  'Hola, ¿están abiertos el sábado? Quiero congelar mi membresía y saber cuánto cuesta traer un invitado 🙂',
];

/** The steps: the rule sets alone first, then the whole path (drafting, guards, policy) on top. */
export function warmUpSteps(timeZone: string, now: () => number): Array<() => void> {
  return WARM_UP_TEXTS.flatMap((text) => [
    () => classify(text),
    () => safetyFlags(text),
    () => topicsOf(text, EMPTY_KNOWLEDGE),
    () => dayReferenceOf(text, EMPTY_KNOWLEDGE, now(), timeZone),
    () => languageOf(text),
    () => matchingFaq(text, EMPTY_KNOWLEDGE),
    () =>
      assess({
        text,
        memberName: 'Sample Member',
        optedOut: false,
        thread: [{ direction: 'inbound', body: text, sentAt: new Date(now()).toISOString() }],
        knowledge: EMPTY_KNOWLEDGE,
        settings: DEFAULT_ASSISTANT_SETTINGS,
        nowMs: now(),
        timeZone,
        autoRepliesThisTurn: 0,
        autoRepliesLastHour: 0,
      }),
  ]);
}

/** Runs every step; a step that throws is reported to `onError` and the rest still run: a warm-up never stops the app. */
export function runWarmUp(steps: ReadonlyArray<() => void>, onError: (error: unknown) => void): void {
  for (const step of steps) {
    try {
      step();
    } catch (error) {
      onError(error);
    }
  }
}
