import { describe, expect, it } from 'vitest';
import { syncTimeFormatter } from '../../../main/shell/tray/sync-time-format';

describe('syncTimeFormatter', () => {
  const now = Date.parse('2026-03-02T20:00:00Z');
  const formatter = syncTimeFormatter(() => now, 'en-US', 'America/Chicago');
  // ICU versions differ on the space before AM (U+0020 or U+202F).
  const format = (iso: string) => formatter(iso).replace(/\s/g, ' ');

  it('shows only the time for a sync today, in the given zone', () => {
    expect(format('2026-03-02T15:41:00Z')).toBe('9:41 AM');
  });

  it('adds the date for an older sync (by the zone’s calendar, not UTC’s)', () => {
    expect(format('2026-03-02T05:30:00Z')).toBe('Mar 1, 11:30 PM');
  });

  it('says unknown for a value it cannot read', () => {
    expect(format('yesterday')).toBe('unknown');
  });
});
