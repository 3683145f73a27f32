import { describe, expect, it } from 'vitest';
import { clubInstantIso } from '../../main/ingest/club-instant';
import { parseDate, zonedToEpoch } from '../../common/time/club-time';

const exact = (date: string, time: string | null, zone: string): string => {
  const { year, month, day } = parseDate(date);
  const [hour, minute] = time ? time.split(':').map(Number) : [0, 0];
  return new Date(zonedToEpoch({ year, month, day, hour: hour!, minute: minute! }, zone)).toISOString();
};

describe('clubInstantIso', () => {
  it('agrees with the exact conversion on ordinary days and across DST changes', () => {
    const zones = ['America/Chicago', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata'];
    const dates = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-11-01', '2026-06-15', '2026-12-31'];
    for (const zone of zones) {
      for (const date of dates) {
        for (const time of [null, '00:00', '01:30', '02:30', '03:00', '12:07', '23:59']) {
          expect(clubInstantIso(date, time, zone), `${zone} ${date} ${time}`).toBe(exact(date, time, zone));
        }
      }
    }
  });
});
