import { describe, expect, it } from 'vitest';
import { followUpDateLabel, inboxLabel } from '../../main/clubos-simulator/club-labels';
import { zonedToEpoch } from '../../common/time/club-time';

const TZ = 'Australia/Lord_Howe'; // a half-hour DST shift: nothing like any host zone

describe('simulator time labels', () => {
  it('writes today as h:mm AM and older days as Mon D, on the club clock', () => {
    const now = zonedToEpoch({ year: 2026, month: 1, day: 5, hour: 18, minute: 0 }, TZ);
    expect(inboxLabel(zonedToEpoch({ year: 2026, month: 1, day: 5, hour: 0, minute: 0 }, TZ), now, TZ)).toBe('12:00 AM');
    expect(inboxLabel(zonedToEpoch({ year: 2026, month: 1, day: 5, hour: 12, minute: 9 }, TZ), now, TZ)).toBe('12:09 PM');
    expect(inboxLabel(zonedToEpoch({ year: 2026, month: 1, day: 4, hour: 23, minute: 59 }, TZ), now, TZ)).toBe('Jan 4');
    expect(inboxLabel(zonedToEpoch({ year: 2025, month: 10, day: 13, hour: 9, minute: 30 }, TZ), now, TZ)).toBe('Oct 13');
  });

  it('writes FollowUp dates as M/D/YY @ hh:mm AM', () => {
    expect(followUpDateLabel(zonedToEpoch({ year: 2025, month: 9, day: 21, hour: 20, minute: 15 }, TZ), TZ)).toBe('9/21/25 @ 08:15 PM');
    expect(followUpDateLabel(zonedToEpoch({ year: 2026, month: 12, day: 1, hour: 0, minute: 5 }, TZ), TZ)).toBe('12/1/26 @ 12:05 AM');
  });
});
