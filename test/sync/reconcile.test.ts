import { describe, expect, it } from 'vitest';
import type { InboxRow } from '../../main/clubos/types';
import type { StoredKey } from '../../db/types';
import { reconcile, snapshotDateRange, type NewInboxMessage } from '../../main/sync/reconcile';
import { createKeyMemo, messageKey } from '../../main/sync/message-key';
import { snapshotKeys } from '../../main/sync/reconcile';

const row = (senderName: string, body: string, localDate: string, localTime: string | null, position = 0): InboxRow => ({
  senderName,
  memberId: null,
  body,
  label: localTime ?? localDate,
  localDate,
  localTime,
  position,
});

/** Newest first, positions filled in. */
const snapshot = (...rows: InboxRow[]): InboxRow[] => rows.map((r, i) => ({ ...r, position: i }));
const store = (fresh: NewInboxMessage[], into: StoredKey[] = []): StoredKey[] => {
  into.push(...fresh.map((m) => ({ dedupeKey: m.dedupeKey, localTime: m.localTime, occurrence: m.occurrence, senderName: m.senderName, body: m.body })));
  return into;
};

describe('reconcile', () => {
  it('keeps three identical texts of one day as three messages, and finds nothing new on a repeat poll', () => {
    const snap = snapshot(row('Ana Ruiz', 'Ok', '2026-12-07', '16:02'), row('Ana Ruiz', 'Ok', '2026-12-07', '09:10'), row('Ana Ruiz', 'Ok', '2026-12-07', '09:10'));
    const first = reconcile('1', snap, []);
    expect(first).toHaveLength(3);
    expect(first.map((m) => m.occurrence)).toEqual([0, 1, 2]);
    expect(first.map((m) => m.localTime)).toEqual(['09:10', '09:10', '16:02']);
    expect(reconcile('1', snap, store(first))).toEqual([]);
  });

  it('keeps each variant\'s own text: "Ok", "OK" and "ｏｋ" of one day, in any order of arrival', () => {
    const d = '2026-12-07';
    // "Ok" first; then "OK" and "ｏｋ" arrive in the same minute, newest on top.
    const stored = store(reconcile('1', snapshot(row('Ana Ruiz', 'Ok', d, '09:10')), []));
    const second = snapshot(row('Ana Ruiz', 'OK', d, '09:10'), row('Ana Ruiz', 'Ok', d, '09:10'));
    const fresh2 = reconcile('1', second, stored);
    expect(fresh2.map((m) => m.body)).toEqual(['OK']);
    store(fresh2, stored);
    const third = snapshot(row('Ana Ruiz', 'ｏｋ', d, '09:10'), ...second);
    const fresh3 = reconcile('1', third, stored);
    expect(fresh3.map((m) => m.body)).toEqual(['ｏｋ']);
    store(fresh3, stored);
    expect(stored.map((k) => k.body).sort()).toEqual(['OK', 'Ok', 'ｏｋ']);
    // After midnight the labels lose their minute: still nothing new, whatever the order.
    const dated = snapshot(row('Ana Ruiz', 'Ok', d, null), row('Ana Ruiz', 'ｏｋ', d, null), row('Ana Ruiz', 'OK', d, null));
    expect(reconcile('1', dated, stored)).toEqual([]);
  });

  it('keeps a sender\'s own spelling and spacing: whitespace variants of one text are told apart by their exact text', () => {
    const d = '2026-12-07';
    const stored = store(reconcile('1', snapshot(row('Ana Ruiz', 'see you\nat 10', d, '09:10')), []));
    const next = snapshot(row('Ana Ruiz', 'see you \n at 10', d, '09:10'), row('Ana Ruiz', 'see you\nat 10', d, '09:10'));
    expect(reconcile('1', next, stored).map((m) => m.body)).toEqual(['see you \n at 10']);
  });

  it('still matches a folded variant when the exact text is not stored (a name ClubOS respelled)', () => {
    const d = '2026-12-07';
    const stored = store(reconcile('1', snapshot(row('Ana Ruiz', 'Ok', d, '09:10')), []));
    expect(reconcile('1', snapshot(row('ANA RUIZ', 'Ok', d, '09:10')), stored)).toEqual([]);
  });

  it('treats a second "Ok" at a later minute as new even after the inbox was cleared', () => {
    const stored = store(reconcile('1', snapshot(row('Ana Ruiz', 'Ok', '2026-12-07', '09:10')), []));
    const afterClear = snapshot(row('Ana Ruiz', 'Ok', '2026-12-07', '09:40'));
    const fresh = reconcile('1', afterClear, stored);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]!.occurrence).toBe(1);
  });

  it('matches last night\'s 11:58 PM row when it reads "Dec 7" after midnight', () => {
    const stored = store(reconcile('1', snapshot(row('Ben Li', 'Running late', '2026-12-07', '23:58')), []));
    const afterMidnight = snapshot(row('Ben Li', 'New one', '2026-12-08', '00:03'), row('Ben Li', 'Running late', '2026-12-07', null));
    const fresh = reconcile('1', afterMidnight, stored);
    expect(fresh.map((m) => m.body)).toEqual(['New one']);
  });

  it('counts duplicates as a multiset: k in the snapshot, j stored → k − j new', () => {
    const stored = store(reconcile('1', snapshot(row('Ana Ruiz', 'STOP', '2026-11-02', null)), []));
    const fresh = reconcile('1', snapshot(row('Ana Ruiz', 'STOP', '2026-11-02', null), row('Ana Ruiz', 'STOP', '2026-11-02', null), row('Ana Ruiz', 'STOP', '2026-11-02', null)), stored);
    expect(fresh).toHaveLength(2);
    expect(fresh.map((m) => m.occurrence)).toEqual([1, 2]);
  });

  it('keys on sender and date: the same text from two people or on two days is two messages', () => {
    const fresh = reconcile('1', snapshot(row('Ana Ruiz', 'Ok', '2026-12-07', null), row('Ben Li', 'Ok', '2026-12-07', null), row('Ana Ruiz', 'Ok', '2026-12-06', null)), []);
    expect(new Set(fresh.map((m) => m.dedupeKey)).size).toBe(3);
  });

  it('ignores case and whitespace differences in the key, not in what is stored', () => {
    expect(messageKey('Ana  Ruiz', 'See you\nat 10', '2026-12-07')).toBe(messageKey('ana ruiz', 'see you at 10 ', '2026-12-07'));
    expect(messageKey('Ana Ruiz', 'Ok', '2026-12-07')).not.toBe(messageKey('Ana Ruiz', 'Ok!', '2026-12-07'));
  });

  it('returns new rows oldest first with their snapshot positions', () => {
    const fresh = reconcile('1', snapshot(row('C', 'third', '2026-12-07', null), row('B', 'second', '2026-12-07', null), row('A', 'first', '2026-12-06', null)), []);
    expect(fresh.map((m) => m.body)).toEqual(['first', 'second', 'third']);
    expect(fresh.map((m) => m.position)).toEqual([2, 1, 0]);
  });

  it('reports the date range of a snapshot', () => {
    expect(snapshotDateRange([])).toBeNull();
    expect(snapshotDateRange(snapshot(row('A', 'x', '2026-12-07', null), row('A', 'y', '2025-01-30', null)))).toEqual({ from: '2025-01-30', to: '2026-12-07' });
  });

  it('never loses or invents rows over random polls (property)', () => {
    // A random inbox grows over "polls"; each poll shows the whole inbox. After every poll the
    // stored multiset must equal the inbox multiset.
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const texts = ['Ok', 'ok', 'Thanks', 'STOP', 'See you'];
    const inbox: InboxRow[] = [];
    const stored: StoredKey[] = [];
    for (let poll = 0; poll < 200; poll++) {
      const add = Math.floor(rand() * 3);
      for (let i = 0; i < add; i++) {
        const minute = `${String(9 + Math.floor(rand() * 2)).padStart(2, '0')}:${rand() < 0.5 ? '00' : '01'}`;
        inbox.unshift(row(rand() < 0.5 ? 'Ana Ruiz' : 'Ben Li', texts[Math.floor(rand() * texts.length)]!, '2026-12-07', minute));
      }
      const snap = inbox.map((r, i) => ({ ...r, position: i }));
      store(reconcile('1', snap, stored), stored);
      expect(stored).toHaveLength(inbox.length);
    }
  });

  it('computes the same keys through the memo and in slices, and the memo forgets rows no longer listed', async () => {
    const rows = Array.from({ length: 4_500 }, (_, i) => row(`Member ${i % 40}`, `text ${i % 700}`, '2026-12-07', null, i));
    const memo = createKeyMemo();
    const direct = rows.map((r) => messageKey(r.senderName, r.body, r.localDate));
    memo.nextPoll();
    expect(await snapshotKeys(rows, memo.keyOf)).toEqual(direct);
    memo.nextPoll();
    expect(await snapshotKeys(rows.slice(0, 10), memo.keyOf)).toEqual(direct.slice(0, 10));
    memo.nextPoll();
    // Two polls later only the ten rows of the last poll may still be remembered: a changed row
    // is keyed afresh, never from a stale entry.
    const changed = { ...rows[20]!, body: 'something else' };
    expect(await snapshotKeys([changed], memo.keyOf)).toEqual([messageKey(changed.senderName, changed.body, changed.localDate)]);
  });
});

