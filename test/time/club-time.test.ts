import { beforeEach, describe, expect, it } from 'vitest';
import { createRandom } from '../../main/clubos-simulator/random';
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

  describe('reads the same wall clock as the runtime, cached or not', () => {
    /** An oracle of our own, independent of the module's formatter and its cache. */
    const formats = new Map<string, Intl.DateTimeFormat>();
    const oracle = (epochMs: number, timeZone: string) => {
      let format = formats.get(timeZone);
      if (!format) {
        format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
        formats.set(timeZone, format);
      }
      const parts = Object.fromEntries(
        format
          .formatToParts(new Date(epochMs))
          .filter((p) => p.type !== 'literal')
          .map((p) => [p.type, Number(p.value)]),
      );
      return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour! % 24, minute: parts.minute, second: parts.second };
    };
    /** The instants where localParts and the oracle differ (one expect for thousands of instants). */
    const mismatches: string[] = [];
    const check = (t: number, zone: string): void => {
      const ours = localParts(t, zone);
      const theirs = oracle(t, zone);
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) mismatches.push(`${zone} ${new Date(t).toISOString()}: ${JSON.stringify(ours)} ≠ ${JSON.stringify(theirs)}`);
    };
    beforeEach(() => {
      mismatches.length = 0;
    });
    // DST both ways, half-hour DST (Lord Howe), a skipped day (Apia, 2011-12-30), odd offsets
    // (Kathmandu +5:45, Chatham +12:45, St John's -3:30), Ramadan pauses (Casablanca), none (UTC).
    const ZONES = [CHI, 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Apia', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns', 'Africa/Casablanca', 'America/Sao_Paulo', 'UTC'];

    const offsetOf = (t: number, zone: string): number => {
      const p = oracle(t, zone);
      return Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
    };

    it.each(ZONES)('%s: every 97 minutes of 2011–2012, each second around its transitions, random instants 1850–2250', (zone) => {
      let transitions = 0;
      let previous = Date.UTC(2011, 0, 1);
      let previousOffset = offsetOf(previous, zone);
      for (let t = previous; t < Date.UTC(2013, 0, 1); previous = t, t += 97 * 60_000 + 13_000) {
        check(t, zone);
        const offset = offsetOf(t, zone);
        if (offset === previousOffset) continue;
        // The transition's first second, then every second ten minutes either side of it.
        let [low, high] = [Math.floor(previous / 1000), Math.floor(t / 1000)];
        while (high - low > 1) {
          const mid = Math.floor((low + high) / 2);
          if (offsetOf(mid * 1000, zone) === previousOffset) low = mid;
          else high = mid;
        }
        for (let s = high - 600; s <= high + 600; s++) check(s * 1000 + (s % 7) * 100, zone);
        transitions++;
        previousOffset = offset;
      }
      if (zone !== 'UTC' && zone !== 'Asia/Kathmandu') expect(transitions).toBeGreaterThan(0);
      const rng = createRandom(7);
      for (let i = 0; i < 500; i++) check(rng.int(Date.UTC(1850, 0, 1), Date.UTC(2250, 0, 1)), zone);
      expect(mismatches).toEqual([]);
    });
  });
});
