// The assistant reads its first text far more slowly than any later one. V8 compiles each of the
// text patterns (intents, safety, topics, days, language, drafting, guards) the first time it
// runs, once more for text stored two bytes a character (any accent or emoji), and once more as
// native code after a first run; the first club-time conversion loads the zone's calendar data.
// Measured under Node 22: about 90 ms for the first text, 6 ms for the first with accents, under
// 1 ms after that. Paid when the first live text arrives, that is the main thread frozen for
// several frames, in the middle of a sync (figure 5 of `npm run bench` caught it at the end of a
// first import). Paid here instead, as the core starts: one rule set per turn of the event loop,
// so no turn holds the thread longer than that one set takes the first time.
import { classify } from '../../intents/classifier';
import { DEFAULT_ASSISTANT_SETTINGS } from '../../../common/assistant-settings';
import { EMPTY_KNOWLEDGE } from '../../../common/knowledge';
import type { Timers } from '../../../common/time/timers';
import { assess } from './assess';
import { languageOf } from './language';
import { safetyFlags } from './safety';
import { dayReferenceOf, matchingFaq, topicsOf } from './topics';

/** One text V8 stores a byte a character (accents of Latin-1 included), one it stores in two (an emoji, a curly quote): a pattern is compiled for each kind. */
export const WARM_UP_TEXTS: readonly string[] = [
  'Hi! Are you open tomorrow? Can I bring a friend to the 6pm yoga class, and how much is a membership?',
  'Hola, ¿están abiertos el sábado? Quiero congelar mi membresía y saber cuánto cuesta traer un invitado 🙂',
];

/** The steps, each small enough for one turn: the rule sets alone first, then the whole path (drafting, guards, policy) on top. */
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

/**
 * Runs the steps one per timer turn, so the window's requests and the sync's messages are served
 * between them. A step that throws is logged by the caller's `onError` and the rest still run:
 * a warm-up never stops the app. Returns a stop function (the core calls it when it closes).
 */
export function warmUpInTurns(steps: ReadonlyArray<() => void>, timers: Timers, onError: (error: unknown) => void): () => void {
  let next = 0;
  let handle: ReturnType<Timers['setTimeout']> | null = null;
  const turn = (): void => {
    handle = null;
    const step = steps[next++];
    if (!step) return;
    try {
      step();
    } catch (error) {
      onError(error);
    }
    handle = timers.setTimeout(turn, 0);
  };
  handle = timers.setTimeout(turn, 0);
  return () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
    next = steps.length;
  };
}
