import { describe, expect, it } from 'vitest';
import { addDays, localDate, localParts, localTime, monthFromAbbreviation, startOfLocalDay, zonedToEpoch } from '../../common/time/club-time';

const CHI = 'America/Chicago';

describe('club time', () => {
  it('reads the wall clock in the club zone, whatever the host zone', () => {
    const t = Date.parse('2026-12-08T05:30:00Z'); // 23:30 on Dec 7 in Chicago
    expect(localDate(t, CHI)).toBe('2026-12-07');
    expect(localTime(t, CHI)).toBe('23:30');
    expect(localDate(t, 'Asia/Tokyo')).toBe('2026-12-08');
  });

  it('converts local times to instants across DST', () => {
    expect(new Date(zonedToEpoch({ year: 2026, month: 1, day: 15, hour: 9, minute: 30 }, CHI)).toISOString()).toBe('2026-01-15T15:30:00.000Z');
    expect(new Date(zonedToEpoch({ year: 2026, month: 7, day: 15, hour: 9, minute: 30 }, CHI)).toISOString()).toBe('2026-07-15T14:30:00.000Z');
    // 2:30 AM on 2026-03-08 does not exist in Chicago: the instant after the jump.
    expect(new Date(zonedToEpoch({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, CHI)).toISOString()).toBe('2026-03-08T08:30:00.000Z');
    // 1:30 AM on 2026-11-01 happens twice: the earlier one.
    expect(new Date(zonedToEpoch({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, CHI)).toISOString()).toBe('2026-11-01T06:30:00.000Z');
    for (let h = 0; h < 24; h++) {
      const e = zonedToEpoch({ year: 2026, month: 6, day: 1, hour: h, minute: 7 }, 'Australia/Lord_Howe');
      expect(localParts(e, 'Australia/Lord_Howe').hour).toBe(h);
    }
  });

  it('does date arithmetic and month names', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(startOfLocalDay('2026-12-08', CHI)).toBe(Date.parse('2026-12-08T06:00:00Z'));
    expect(monthFromAbbreviation('Dec')).toBe(12);
    expect(monthFromAbbreviation('sep')).toBe(9);
    expect(monthFromAbbreviation('Foo')).toBeNull();
  });
});
