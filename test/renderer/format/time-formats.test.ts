import { describe, expect, it } from 'vitest';
import { formatDayHeading } from '../../../renderer/src/format/day-heading';
import { formatListTime } from '../../../renderer/src/format/list-time';
import { formatClubClock } from '../../../renderer/src/format/message-time';
import { formatAgo } from '../../../renderer/src/format/relative-time';
import { waitingTime } from '../../../renderer/src/format/waiting-time';

const NOW = Date.parse('2025-10-14T15:00:00Z'); // a Tuesday
const utc = { locale: 'en-US', timeZone: 'UTC' };

describe('formatAgo', () => {
  it('reads like "12s ago", "5m ago", "3h ago", "2d ago"', () => {
    expect(formatAgo(NOW - 2_000, NOW, 'en-US')).toBe('now');
    expect(formatAgo(NOW + 5_000, NOW, 'en-US')).toBe('now');
    expect(formatAgo(NOW - 12_000, NOW, 'en-US')).toBe('12s ago');
    expect(formatAgo(NOW - 5 * 60_000, NOW, 'en-US')).toBe('5m ago');
    expect(formatAgo(NOW - 3 * 3_600_000, NOW, 'en-US')).toBe('3h ago');
    expect(formatAgo(NOW - 50 * 3_600_000, NOW, 'en-US')).toBe('2d ago');
  });

  it("speaks the user's language", () => {
    expect(formatAgo(NOW - 12_000, NOW, 'de-DE')).toMatch(/^vor 12 /);
  });
});

describe('formatListTime', () => {
  it('shows a clock time today, Yesterday, a weekday this week, a date this year, then with the year', () => {
    expect(formatListTime('2025-10-14T09:30:00Z', NOW, utc)).toBe('9:30 AM');
    expect(formatListTime('2025-10-13T22:00:00Z', NOW, utc)).toBe('Yesterday');
    expect(formatListTime('2025-10-10T12:00:00Z', NOW, utc)).toBe('Fri');
    expect(formatListTime('2025-03-02T12:00:00Z', NOW, utc)).toBe('Mar 2');
    expect(formatListTime('2024-12-30T12:00:00Z', NOW, utc)).toBe('Dec 30, 2024');
  });

  it("uses the user's zone for what counts as today", () => {
    // 03:00 UTC on the 14th is still the 13th in Los Angeles.
    expect(formatListTime('2025-10-14T03:00:00Z', NOW, { locale: 'en-US', timeZone: 'America/Los_Angeles' })).toBe('Yesterday');
    expect(formatListTime('2025-10-14T03:00:00Z', NOW, utc)).toBe('3:00 AM');
  });

  it('shows nothing for a broken time', () => {
    expect(formatListTime('not a time', NOW, utc)).toBe('');
  });
});

describe('formatDayHeading', () => {
  it('names today and yesterday, spells out other dates, with the year only when it differs', () => {
    expect(formatDayHeading('2025-10-14', NOW, utc)).toBe('Today');
    expect(formatDayHeading('2025-10-13', NOW, utc)).toBe('Yesterday');
    expect(formatDayHeading('2025-10-12', NOW, utc)).toBe('Sunday, October 12');
    expect(formatDayHeading('2024-10-12', NOW, utc)).toBe('Saturday, October 12, 2024');
    expect(formatDayHeading('2025-10-12', NOW, { locale: 'fr-FR', timeZone: 'UTC' })).toBe('dimanche 12 octobre');
  });
});

describe('formatClubClock', () => {
  it('shows the club-local time as given, in the user\u2019s clock style', () => {
    expect(formatClubClock('09:05', 'en-US')).toBe('9:05 AM');
    expect(formatClubClock('21:40', 'en-GB')).toBe('21:40');
    expect(formatClubClock('garbage', 'en-US')).toBe('garbage');
  });
});

describe('waitingTime', () => {
  it('is fresh under 15 minutes, a warning under an hour, late after', () => {
    expect(waitingTime(new Date(NOW - 5 * 60_000).toISOString(), NOW, 'en-US')).toEqual({ short: '5m', long: '5 minutes', level: 'fresh' });
    expect(waitingTime(new Date(NOW - 20 * 60_000).toISOString(), NOW, 'en-US')).toMatchObject({ short: '20m', level: 'warning' });
    expect(waitingTime(new Date(NOW - 150 * 60_000).toISOString(), NOW, 'en-US')).toEqual({ short: '2h', long: '2 hours', level: 'late' });
    expect(waitingTime(new Date(NOW - 3 * 86_400_000).toISOString(), NOW, 'en-US')).toMatchObject({ short: '3d', long: '3 days' });
    expect(waitingTime('nope', NOW, 'en-US')).toBeNull();
  });
});
