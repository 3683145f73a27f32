// Merging pages of one thread. Pages come oldest → newest; the core's order is kept as given.
import type { Message } from '../../../common/contract';

/** An older page goes in front of what is loaded. */
export function prependOlder(loaded: readonly Message[], older: readonly Message[]): Message[] {
  const ids = new Set(loaded.map((m) => m.id));
  return [...older.filter((m) => !ids.has(m.id)), ...loaded];
}

/**
 * The newest page merged into what is loaded. When the two do not overlap, messages in between
 * are missing, so the newest page alone is kept (its cursor pages back through the gap).
 */
export function mergeLatest(
  loaded: readonly Message[],
  loadedCursor: string | null,
  latest: readonly Message[],
  latestCursor: string | null,
): { messages: Message[]; prevCursor: string | null } {
  const latestIds = new Set(latest.map((m) => m.id));
  const overlaps = loaded.some((m) => latestIds.has(m.id));
  if (loaded.length > 0 && !overlaps && latestCursor !== null) {
    return { messages: [...latest], prevCursor: latestCursor };
  }
  const older = loaded.filter((m) => !latestIds.has(m.id));
  return { messages: [...older, ...latest], prevCursor: older.length > 0 || loaded.length > 0 ? loadedCursor : latestCursor };
}

/** A message that was just sent, added once at the end. */
export function appendMessage(loaded: readonly Message[], message: Message): Message[] {
  if (loaded.some((m) => m.id === message.id)) return loaded.slice();
  return [...loaded, message];
}

const bySentAt = (a: Message, b: Message): number => a.sentAt.localeCompare(b.sentAt) || a.id - b.id;

/**
 * Pushed messages put in order among those loaded (the core's order: sent time, then id). When
 * older pages are not loaded yet (`oldestLoaded` given), a message older than the oldest loaded
 * one is left for those pages instead of jumping in front of the gap.
 */
export function insertPushed(loaded: readonly Message[], pushed: readonly Message[], oldestLoaded?: Message): Message[] {
  const ids = new Set(loaded.map((m) => m.id));
  const fresh = pushed.filter((m) => !ids.has(m.id) && (oldestLoaded === undefined || bySentAt(m, oldestLoaded) > 0));
  const out = loaded.slice();
  for (const m of [...fresh].sort(bySentAt)) {
    let at = out.length;
    while (at > 0 && bySentAt(out[at - 1]!, m) > 0) at--;
    out.splice(at, 0, m);
  }
  return out;
}
