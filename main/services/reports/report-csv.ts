// A report's period as CSV (RFC 4180, CRLF): one row per request and one per resolution, so a
// spreadsheet can recompute or regroup every figure. Times are the club's wall clock
// (`YYYY-MM-DD HH:MM`, with the zone in its own column, since a spreadsheet has no zones) and the
// UTC instant beside it. Cells a spreadsheet would run as a formula are defused (csvCell).
import { INTENT_LABELS } from '../../../common/intent-catalog';
import { localDate, localTime } from '../../../common/time/club-time';
import { csvCell } from '../assistant/action-log-csv';
import type { ReportData } from './build-report';

export const REPORT_CSV_COLUMNS = [
  'kind',
  'conversation_id',
  'member',
  'intent',
  'started_club_time',
  'started_utc',
  'outcome',
  'ended_club_time',
  'ended_utc',
  'minutes',
  'staff',
  'time_zone',
] as const;

const clubTime = (iso: string | null, timeZone: string): string | null => {
  if (iso === null) return null;
  const at = Date.parse(iso);
  return `${localDate(at, timeZone)} ${localTime(at, timeZone)}`;
};
const utc = (iso: string | null): string | null => (iso === null ? null : new Date(Date.parse(iso)).toISOString());
const minutes = (value: number | null): string | null => (value === null ? null : (value / 60_000).toFixed(1));
const intentLabel = (intent: string | null): string => (intent === null ? 'Unclassified' : (INTENT_LABELS[intent as keyof typeof INTENT_LABELS] ?? intent));

export function reportCsv(data: ReportData, timeZone: string): string {
  const rows: Array<ReadonlyArray<string | number | null>> = [REPORT_CSV_COLUMNS];
  for (const r of data.requests) {
    rows.push([
      'request',
      r.conversationId,
      r.memberName,
      intentLabel(r.intent),
      clubTime(r.startedAt, timeZone),
      utc(r.startedAt),
      r.outcome,
      clubTime(r.endedAt, timeZone),
      utc(r.endedAt),
      minutes(r.firstResponseMs),
      r.responder,
      timeZone,
    ]);
  }
  for (const r of data.resolutions) {
    rows.push([
      'resolution',
      r.conversationId,
      r.memberName,
      intentLabel(r.intent),
      clubTime(r.startedAt, timeZone),
      utc(r.startedAt),
      'resolved',
      clubTime(r.resolvedAt, timeZone),
      utc(r.resolvedAt),
      minutes(r.resolutionMs),
      r.resolver,
      timeZone,
    ]);
  }
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
