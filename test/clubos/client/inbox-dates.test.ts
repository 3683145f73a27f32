// Label → date resolution. The host zone is set far from the club's on purpose: nothing here may
// depend on it.
process.env.TZ = 'Asia/Tokyo';

import { describe, expect, it } from 'vitest';
import { FUTURE_TOLERANCE_MS, resolveInboxDates } from '../../../main/clubos/inbox-dates';
import { parseInboxLabel, type InboxLabel } from '../../../main/clubos/parse/inbox-label';
import { zonedToEpoch } from '../../../common/time/club-time';
import { ClubOSError } from '../../../common/errors/clubos-error';

const CHI = 'America/Chicago';
const at = (y: number, mo: number, d: number, h: number, mi: number, zone = CHI): number => zonedToEpoch({ year: y, month: mo, day: d, hour: h, minute: mi }, zone);

function labels(...texts: string[]): InboxLabel[] {
  return texts.map((t) => {
    const parsed = parseInboxLabel(t);
    if (!parsed) throw new Error(`bad test label ${t}`);
    return parsed;
  });
}

const resolve = (now: number, ...texts: string[]): Array<[string, string | null]> =>
  resolveInboxDates(labels(...texts), now, CHI).map((d) => [d.localDate, d.localTime]);

describe('inbox labels', () => {
  it('reads both label forms and rejects everything else', () => {
    expect(parseInboxLabel('9:30 AM')).toEqual({ kind: 'time', hour: 9, minute: 30 });
    expect(parseInboxLabel('12:05 AM')).toEqual({ kind: 'time', hour: 0, minute: 5 });
    expect(parseInboxLabel('12:40 PM')).toEqual({ kind: 'time', hour: 12, minute: 40 });
    expect(parseInboxLabel('11:58 pm')).toEqual({ kind: 'time', hour: 23, minute: 58 });
    expect(parseInboxLabel(' Dec 8 ')).toEqual({ kind: 'date', month: 12, day: 8 });
    expect(parseInboxLabel('Oct 13')).toEqual({ kind: 'date', month: 10, day: 13 });
    for (const bad of ['', '13:00 PM', '0:30 AM', '9:60 AM', '9:30', 'Dec', 'Dec 0', 'Dec 32', 'Foo 3', '2026-12-08', 'yesterday', '9:30 AM Dec 8']) {
      expect(parseInboxLabel(bad), bad).toBeNull();
    }
  });
});

describe('inbox dates in the club zone', () => {
  it('puts a time label on today in Chicago, not on the host date (already Dec 9 in Tokyo)', () => {
    const now = at(2026, 12, 8, 10, 0); // 2026-12-09 01:00 in Tokyo
    expect(resolve(now, '9:30 AM', '12:05 AM')).toEqual([
      ['2026-12-08', '09:30'],
      ['2026-12-08', '00:05'],
    ]);
  });

  it('reads a time more than 5 minutes in the future as yesterday (the page was rendered before midnight)', () => {
    const justAfterMidnight = at(2026, 12, 9, 0, 2);
    expect(resolve(justAfterMidnight, '11:58 PM', '9:30 AM')).toEqual([
      ['2026-12-08', '23:58'],
      ['2026-12-08', '09:30'],
    ]);
    // Within the tolerance a slightly fast server clock still means today.
    const now = at(2026, 12, 8, 9, 0);
    expect(resolve(now, '9:05 AM')).toEqual([['2026-12-08', '09:05']]);
    expect(resolve(now, '9:06 AM')).toEqual([['2026-12-07', '09:06']]);
    expect(FUTURE_TOLERANCE_MS).toBe(300_000);
  });

  it('never dates a row later than the row above it (a page rendered before midnight, read after)', () => {
    const justAfterMidnight = at(2026, 12, 9, 0, 1);
    // 12:04 AM alone would be "today, within the tolerance"; below yesterday's 11:58 PM it is yesterday's.
    expect(resolve(justAfterMidnight, '11:58 PM', '12:04 AM')).toEqual([
      ['2026-12-08', '23:58'],
      ['2026-12-08', '00:04'],
    ]);
  });

  it('follows a row across midnight: 11:58 PM today, then Dec 8 once the day has turned', () => {
    expect(resolve(at(2026, 12, 8, 23, 59), '11:58 PM')).toEqual([['2026-12-08', '23:58']]);
    expect(resolve(at(2026, 12, 9, 0, 3), '12:01 AM', 'Dec 8')).toEqual([
      ['2026-12-09', '00:01'],
      ['2026-12-08', null],
    ]);
  });

  it('gives a date label today\'s year, and last year once it would be in the future', () => {
    const now = at(2026, 12, 8, 10, 0);
    expect(resolve(now, 'Dec 7', 'Nov 30', 'Jan 2')).toEqual([
      ['2026-12-07', null],
      ['2026-11-30', null],
      ['2026-01-02', null],
    ]);
    expect(resolve(now, 'Dec 9')).toEqual([['2025-12-09', null]]);
  });

  it('crosses New Year', () => {
    const now = at(2027, 1, 1, 8, 15);
    expect(resolve(now, '8:10 AM', '12:00 AM', 'Dec 31', 'Dec 31', 'Dec 24', 'Jan 3')).toEqual([
      ['2027-01-01', '08:10'],
      ['2027-01-01', '00:00'],
      ['2026-12-31', null],
      ['2026-12-31', null],
      ['2026-12-24', null],
      ['2026-01-03', null],
    ]);
  });

  it('walks a 14-month history newest first, going back a year each time the dates would rise', () => {
    const now = at(2027, 2, 15, 12, 0);
    expect(resolve(now, '11:00 AM', 'Feb 10', 'Jan 5', 'Dec 20', 'Jun 1', 'Feb 20', 'Feb 15', 'Jan 15', 'Dec 25')).toEqual([
      ['2027-02-15', '11:00'],
      ['2027-02-10', null],
      ['2027-01-05', null],
      ['2026-12-20', null],
      ['2026-06-01', null],
      ['2026-02-20', null],
      ['2026-02-15', null],
      ['2026-01-15', null],
      ['2025-12-25', null],
    ]);
  });

  it('puts Feb 29 only in a leap year', () => {
    expect(resolve(at(2026, 3, 10, 9, 0), 'Mar 1', 'Feb 29')).toEqual([
      ['2026-03-01', null],
      ['2024-02-29', null],
    ]);
    expect(resolve(at(2028, 3, 10, 9, 0), 'Feb 29')).toEqual([['2028-02-29', null]]);
    expect(() => resolve(at(2026, 3, 10, 9, 0), 'Feb 30')).toThrow(ClubOSError);
  });

  it('keeps club dates across the DST changes', () => {
    // Spring forward: 2026-03-08 02:00 → 03:00 in Chicago.
    expect(resolve(at(2026, 3, 8, 3, 30), '3:10 AM', '1:59 AM', 'Mar 7')).toEqual([
      ['2026-03-08', '03:10'],
      ['2026-03-08', '01:59'],
      ['2026-03-07', null],
    ]);
    // Fall back: 1:30 AM happens twice on 2026-11-01; both readings are that day.
    const secondOneThirty = at(2026, 11, 1, 1, 30) + 3_600_000;
    expect(resolve(secondOneThirty, '1:30 AM', '1:10 AM', 'Oct 31')).toEqual([
      ['2026-11-01', '01:30'],
      ['2026-11-01', '01:10'],
      ['2026-10-31', null],
    ]);
    // Just after midnight on the day after fall-back, yesterday's 11:58 PM is still yesterday.
    expect(resolve(at(2026, 11, 2, 0, 1), '11:58 PM')).toEqual([['2026-11-01', '23:58']]);
  });

  it('uses the club zone even where the club is ahead of the host', () => {
    const sydney = 'Australia/Sydney';
    const now = at(2026, 12, 8, 0, 30, sydney); // still Dec 7 in Tokyo
    expect(resolveInboxDates(labels('12:10 AM', 'Dec 7'), now, sydney).map((d) => d.localDate)).toEqual(['2026-12-08', '2026-12-07']);
  });
});
