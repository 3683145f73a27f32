// The CSV a manager opens in a spreadsheet: one row per request and per resolution, times on the
// club's clock with the zone beside them, names that need quoting quoted, formulas defused.
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { REPORT_CSV_COLUMNS, reportCsv } from '../../main/services/reports/report-csv';
import type { ReportData } from '../../main/services/reports/build-report';

const data: ReportData = {
  requests: [
    {
      conversationId: 7,
      memberName: 'O\'Brien, Pat "PJ"',
      intent: 'question_about_billing',
      startedAt: '2026-03-08T06:30:00.000Z', // 01:30 EST
      outcome: 'answered',
      endedAt: '2026-03-08T07:05:00.000Z', // 03:05 EDT, after the clocks jumped
      responder: 'Alex M.',
      firstResponseMs: 35 * 60_000,
    },
    {
      conversationId: 8,
      memberName: '=HYPERLINK("http://x")',
      intent: null,
      startedAt: '2026-03-09T13:00:00.000Z',
      outcome: 'waiting',
      endedAt: null,
      responder: null,
      firstResponseMs: null,
    },
  ],
  resolutions: [
    {
      conversationId: 7,
      memberName: 'Line\nBreak',
      intent: 'question_about_billing',
      startedAt: '2026-03-08T06:30:00.000Z',
      resolvedAt: '2026-03-08T09:00:00.000Z',
      resolver: null,
      resolutionMs: 150 * 60_000,
    },
  ],
};

describe('report CSV', () => {
  it('reads back row for row, in the club zone, with escaping and defused formulas', () => {
    const text = reportCsv(data, 'America/New_York');
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parse<Record<string, string>>(text, { columns: true });
    expect(Object.keys(rows[0]!)).toEqual([...REPORT_CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      kind: 'request',
      conversation_id: '7',
      member: 'O\'Brien, Pat "PJ"',
      intent: 'Billing',
      started_club_time: '2026-03-08 01:30',
      started_utc: '2026-03-08T06:30:00.000Z',
      outcome: 'answered',
      ended_club_time: '2026-03-08 03:05',
      ended_utc: '2026-03-08T07:05:00.000Z',
      minutes: '35.0',
      staff: 'Alex M.',
      time_zone: 'America/New_York',
    });
    expect(rows[1]).toMatchObject({ member: `'=HYPERLINK("http://x")`, intent: 'Unclassified', outcome: 'waiting', ended_club_time: '', minutes: '', staff: '' });
    expect(rows[2]).toMatchObject({ kind: 'resolution', member: 'Line\nBreak', outcome: 'resolved', ended_club_time: '2026-03-08 05:00', minutes: '150.0', staff: '' });
    // The quoting is RFC 4180's: a doubled quote inside a quoted cell.
    expect(text).toContain('"O\'Brien, Pat ""PJ"""');
  });

  it('the same instants read on another club clock', () => {
    const rows = parse<Record<string, string>>(reportCsv(data, 'Europe/Berlin'), { columns: true });
    expect(rows[0]).toMatchObject({ started_club_time: '2026-03-08 07:30', started_utc: '2026-03-08T06:30:00.000Z', time_zone: 'Europe/Berlin' });
  });

  it('an empty period is the header alone', () => {
    expect(reportCsv({ requests: [], resolutions: [] }, 'UTC')).toBe(`${REPORT_CSV_COLUMNS.join(',')}\r\n`);
  });
});
