// Whether a text whose post had no known outcome reached ClubOS: it did when the member's FollowUp
// history shows an outbound entry of the same kind and text at or after the attempt's minute
// (ClubOS keeps minutes only; a little clock skew is allowed) that no settled send accounts for.
import type { HistoryEntry, MemberHistory } from '../clubos/types';

/** How far ClubOS's clock may run behind ours. */
export const CLOCK_SKEW_MS = 2 * 60_000;
/** Texts at least this long count as the same when one is a prefix of the other (ClubOS may shorten a long text in its log). */
const PREFIX_MATCH_CHARS = 40;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text as compared: entities decoded (the log may keep them), whitespace collapsed, trimmed. */
export function comparableText(text: string): string {
  let out = text;
  for (let i = 0; i < 2; i++) {
    out = out.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] === '#') {
        const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
      }
      return ENTITIES[code.toLowerCase()] ?? whole;
    });
  }
  return out.replace(/\s+/gu, ' ').trim();
}

export function sameText(a: string, b: string): boolean {
  const x = comparableText(a);
  const y = comparableText(b);
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= PREFIX_MATCH_CHARS && long.startsWith(short);
}

export interface AttemptToCheck {
  channel: 'sms' | 'email';
  body: string;
  attemptAt: number;
}

/** The window start: the attempt's minute, less the skew allowance. */
export function matchWindowStart(attemptAt: number): number {
  return Math.floor(attemptAt / 60_000) * 60_000 - CLOCK_SKEW_MS;
}

/** A settled send owns the history entry nearest its time, when one is this close. */
const OWNERSHIP_MS = 10 * 60_000;

/**
 * The history entry that is this attempt's text, or null when there is none. Entries of the same
 * text are first given to the sends already settled as sent (`settledSentAt`, each taking the entry
 * nearest its time); the attempt takes the earliest entry left in its window. When unsure, this
 * errs towards "it went out": a missed text can be sent by hand, a double one cannot be unsent.
 */
export function wentOut(attempt: AttemptToCheck, history: MemberHistory, settledSentAt: readonly number[]): HistoryEntry | null {
  const kind = attempt.channel === 'sms' ? 'text' : 'email';
  const left = history.entries.filter((e) => e.direction === 'outbound' && e.kind === kind && sameText(e.body, attempt.body)).sort((a, b) => a.at - b.at);
  for (const sentAt of settledSentAt) {
    let best = -1;
    for (let i = 0; i < left.length; i++) {
      const d = Math.abs((left[i] as HistoryEntry).at - sentAt);
      if (d <= OWNERSHIP_MS && (best < 0 || d < Math.abs((left[best] as HistoryEntry).at - sentAt))) best = i;
    }
    if (best >= 0) left.splice(best, 1);
  }
  const from = matchWindowStart(attempt.attemptAt);
  return left.find((e) => e.at >= from) ?? null;
}
