// Snapshot → new messages (design §3). The inbox is a multiset of rows with no ids: if a key
// appears k times in the snapshot and j < k times in the database, k − j rows are new. Within a
// key, today's rows carry a minute: a timed row first claims a stored row of the same minute,
// then a stored row with no minute; dated rows claim whatever stored rows of the key are left.
// So a second "Ok" at a later minute is new even when the inbox was cleared in between, and
// yesterday's `11:58 PM` row that now reads `Dec 8` still matches the row stored last night.
import type { ClubOSId } from '../../common/clubos-id';
import type { InboxRow } from '../clubos/types';
import { messageKey, type KeyFunction } from './message-key';

export interface StoredKey {
  dedupeKey: string;
  localTime: string | null;
  occurrence: number;
}

export interface NewInboxMessage {
  ownerId: ClubOSId;
  senderName: string;
  memberId: ClubOSId | null;
  body: string;
  localDate: string;
  localTime: string | null;
  label: string;
  dedupeKey: string;
  occurrence: number;
  /** Position in the snapshot (0 = newest): orders day-only rows within their day. */
  position: number;
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

interface Pool {
  /** Stored rows of one key not yet claimed, by minute ('' = no minute). */
  byMinute: Map<string, number>;
  remaining: number;
  nextOccurrence: number;
}

function claim(pool: Pool, minute: string): boolean {
  const n = pool.byMinute.get(minute) ?? 0;
  if (n === 0) return false;
  pool.byMinute.set(minute, n - 1);
  pool.remaining--;
  return true;
}

function claimAny(pool: Pool): boolean {
  if (pool.remaining === 0) return false;
  for (const [minute, n] of pool.byMinute) {
    if (n > 0) return claim(pool, minute);
  }
  return false;
}

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
  const pools = new Map<string, Pool>();
  for (const s of stored) {
    let pool = pools.get(s.dedupeKey);
    if (!pool) {
      pool = { byMinute: new Map(), remaining: 0, nextOccurrence: 0 };
      pools.set(s.dedupeKey, pool);
    }
    const minute = s.localTime ?? '';
    pool.byMinute.set(minute, (pool.byMinute.get(minute) ?? 0) + 1);
    pool.remaining++;
    pool.nextOccurrence = Math.max(pool.nextOccurrence, s.occurrence + 1);
  }

  const matched = new Array<boolean>(rows.length).fill(false);
  const poolOf = (i: number): Pool | undefined => pools.get(keys[i]!);

  // Pass 1: timed rows claim a stored row of the same minute.
  rows.forEach((r, i) => {
    const pool = poolOf(i);
    if (pool && r.localTime !== null) matched[i] = claim(pool, r.localTime);
  });
  // Pass 2: timed rows still unmatched may claim a stored row that has no minute.
  rows.forEach((r, i) => {
    const pool = poolOf(i);
    if (pool && !matched[i] && r.localTime !== null) matched[i] = claim(pool, '');
  });
  // Pass 3: day-only rows claim any stored row of their key that is left.
  rows.forEach((r, i) => {
    const pool = poolOf(i);
    if (pool && !matched[i] && r.localTime === null) matched[i] = claimAny(pool);
  });

  const fresh: NewInboxMessage[] = [];
  // Oldest first, so occurrence numbers and insertion order follow the conversation's order.
  for (let i = rows.length - 1; i >= 0; i--) {
    if (matched[i]) continue;
    const r = rows[i]!;
    const key = keys[i]!;
    let pool = pools.get(key);
    if (!pool) {
      pool = { byMinute: new Map(), remaining: 0, nextOccurrence: 0 };
      pools.set(key, pool);
    }
    fresh.push({
      ownerId,
      senderName: r.senderName,
      memberId: r.memberId,
      body: r.body,
      localDate: r.localDate,
      localTime: r.localTime,
      label: r.label,
      dedupeKey: key,
      occurrence: pool.nextOccurrence++,
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
