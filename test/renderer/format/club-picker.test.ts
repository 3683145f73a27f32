// The send-later picker's wall-clock value is the club's, whatever zone this machine is in.
import { describe, expect, it } from 'vitest';
import { instantOfPicker, pickerValueAt, zoneAbbreviation } from '../../../renderer/src/format/club-picker';

const LA = 'America/Los_Angeles';
const TOKYO = 'Asia/Tokyo';

describe('the send-later picker on the club clock', () => {
  it('shows and reads wall-clock times in the club zone, not the host one', () => {
    const at = Date.parse('2026-03-07T23:30:00Z');
    expect(pickerValueAt(at, LA)).toBe('2026-03-07T15:30');
    expect(pickerValueAt(at, TOKYO)).toBe('2026-03-08T08:30');
    expect(instantOfPicker('2026-03-07T15:30', LA)).toEqual({ ok: true, epochMs: at, note: null });
    expect(instantOfPicker('2026-03-08T08:30', TOKYO)).toEqual({ ok: true, epochMs: at, note: null });
  });

  it('says how a time the clocks skip or repeat is read', () => {
    // Mar 8, 2026: Los Angeles jumps from 2:00 to 3:00; Nov 1, 2026: back from 2:00 to 1:00.
    const gap = instantOfPicker('2026-03-08T02:30', LA);
    expect(gap).toMatchObject({ ok: true, epochMs: Date.parse('2026-03-08T10:30:00Z') });
    expect(gap.ok && gap.note).toMatch(/02:30 does not happen that day; it goes at 03:30/);
    const twice = instantOfPicker('2026-11-01T01:30', LA);
    expect(twice).toMatchObject({ ok: true, epochMs: Date.parse('2026-11-01T08:30:00Z') });
    expect(twice.ok && twice.note).toMatch(/happens twice/);
    expect(instantOfPicker('2026-11-01T03:30', LA)).toEqual({ ok: true, epochMs: Date.parse('2026-11-01T11:30:00Z'), note: null });
    expect(instantOfPicker('', LA)).toEqual({ ok: false, message: 'Pick a date and time.' });
  });

  it('names the zone as it is at the picked time', () => {
    expect(zoneAbbreviation(Date.parse('2026-07-01T12:00:00Z'), LA, 'en-US')).toBe('PDT');
    expect(zoneAbbreviation(Date.parse('2026-12-01T12:00:00Z'), LA, 'en-US')).toBe('PST');
  });
});
