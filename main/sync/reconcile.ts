// Snapshot → new messages (design §3). The inbox is a multiset of rows with no ids: if a key
// appears k times in the snapshot and j < k times in the database, k − j rows are new. Within a
// key, today's rows carry a minute: a timed row first claims a stored row of the same minute,
// then a stored row with no minute; dated rows claim whatever stored rows of the key are left.
// So a second "Ok" at a later minute is new even when the inbox was cleared in between, and
// yesterday's `11:58 PM` row that now reads `Dec 8` still matches the row stored last night.
// Keys fold case, width and whitespace, so "Ok", "OK" and "ｏｋ" of one day share a key: every pass
// runs first for rows whose sender and body are exactly the stored ones, then for the folded
// rest, so a new "OK" never claims the stored "Ok" and leaves "Ok" to be stored again in its place.
import type { ClubOSId } from '../../common/clubos-id';
import type { StoredKey } from '../../db/types';
import type { InboxRow } from '../clubos/types';
import { messageKey, type KeyFunction } from './message-key';

/** An inbox row that reconciliation found new: the row itself, with whose inbox and its key. */
export interface NewInboxMessage extends InboxRow {
  ownerId: ClubOSId;
  dedupeKey: string;
  occurrence: number;
}

/** The club-local date range a snapshot covers, for loading the stored keys it can match. */
export function snapshotDateRange(rows: readonly InboxRow[]): { from: string; to: string } | null {
  if (rows.length === 0) return null;
  let from = rows[0]!.localDate;
  let to = from;
  for (const r of rows) {
    if (r.localDate < from) from = r.localDate;
    if (r.localDate > to) to = r.localDate;
  }
  return { from, to };
}

/**
 * The stored rows of one key not yet claimed, as indexes into the stored rows, in their order: one
 * index alone (most keys have one row; an idle poll of a long inbox holds tens of thousands of
 * pools), a list when the key has more, -1 once its one row is claimed.
 */
type Pool = number | number[];

/**
 * The rows of `rows` (one inbox snapshot, newest first) that are not yet stored, oldest first,
 * each with its key and a fresh occurrence number.
 */
export function reconcile(
  ownerId: ClubOSId,
  rows: readonly InboxRow[],
  stored: readonly StoredKey[],
  keys: readonly string[] = rows.map((r) => messageKey(r.senderName, r.body, r.localDate)),
): NewInboxMessage[] {
  // A first import matches nothing and can list 100,000 rows: only stored rows get a pool, and
  // a key's next occurrence is a plain number, so reconciling costs little beyond its result.
  const pools = new Map<string, Pool>();
  const nextOccurrence = new Map<string, number>();
  for (let i = 0; i < stored.length; i++) {
    const s = stored[i]!;
    const pool = pools.get(s.dedupeKey);
    if (pool === undefined) pools.set(s.dedupeKey, i);
    else if (typeof pool === 'number') pools.set(s.dedupeKey, [pool, i]);
    else pool.push(i);
    nextOccurrence.set(s.dedupeKey, Math.max(nextOccurrence.get(s.dedupeKey) ?? 0, s.occurrence + 1));
  }

  /** Whether stored row `i` has this minute ('' = none; any when null) and, when given, this exact sender and body. */
  const fits = (i: number, minute: string | null, exact: InboxRow | null): boolean => {
    const s = stored[i]!;
    return (minute === null || (s.localTime ?? '') === minute) && (exact === null || (s.senderName === exact.senderName && s.body === exact.body));
  };
  /** Claims the first unclaimed stored row of `key` that fits. */
  const claim = (key: string, minute: string | null, exact: InboxRow | null): boolean => {
    const pool = pools.get(key);
    if (pool === undefined || pool === -1) return false;
    if (typeof pool === 'number') {
      if (!fits(pool, minute, exact)) return false;
      pools.set(key, -1);
      return true;
    }
    const at = pool.findIndex((i) => fits(i, minute, exact));
    if (at < 0) return false;
    pool.splice(at, 1);
    return true;
  };

  const matched = new Uint8Array(rows.length);
  const pass = (exact: boolean, timed: boolean, minuteOf: (r: InboxRow) => string | null): void => {
    if (pools.size === 0) return;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (matched[i] || (r.localTime !== null) !== timed) continue;
      if (claim(keys[i]!, minuteOf(r), exact ? r : null)) matched[i] = 1;
    }
  };
  for (const exact of [true, false]) {
    // Timed rows claim a stored row of the same minute, then one that has no minute.
    pass(exact, true, (r) => r.localTime);
    pass(exact, true, () => '');
    // Day-only rows claim any stored row of their key that is left.
    pass(exact, false, () => null);
  }

  const fresh: NewInboxMessage[] = [];
  // Oldest first, so occurrence numbers and insertion order follow the conversation's order.
  for (let i = rows.length - 1; i >= 0; i--) {
    if (matched[i]) continue;
    const r = rows[i]!;
    const key = keys[i]!;
    const occurrence = nextOccurrence.get(key) ?? 0;
    nextOccurrence.set(key, occurrence + 1);
    fresh.push({
      ownerId,
      senderName: r.senderName,
      memberId: r.memberId,
      body: r.body,
      localDate: r.localDate,
      localTime: r.localTime,
      label: r.label,
      dedupeKey: key,
      occurrence,
      position: r.position,
    });
  }
  return fresh;
}

const KEY_SLICE_ROWS = 2_000;

/**
 * The keys of a snapshot's rows, computed in slices with a turn of the event loop between them:
 * a first import can list 100,000 rows, and hashing them in one go would freeze the window.
 */
export async function snapshotKeys(rows: readonly InboxRow[], keyOf: KeyFunction = messageKey): Promise<string[]> {
  const keys = new Array<string>(rows.length);
  for (let start = 0; start < rows.length; start += KEY_SLICE_ROWS) {
    if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const end = Math.min(rows.length, start + KEY_SLICE_ROWS);
    for (let i = start; i < end; i++) keys[i] = keyOf(rows[i]!.senderName, rows[i]!.body, rows[i]!.localDate);
  }
  return keys;
}
