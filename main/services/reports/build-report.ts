// Requests and resolutions into the report the window draws: medians and p90 by club-local day,
// hour of day, staff member and intent, volume by intent, and who is waiting now. Pure: the
// period, the zone and "now" come in, so every figure is reproducible in a test.
import type { DurationStat, Report, ReportIntent } from '../../../common/reports';
import { UNCLASSIFIED } from '../../../common/reports';
import { addDays, localDate, localParts, startOfLocalDay } from '../../../common/time/club-time';
import { durationStat } from './stats';
import { requestsOf, type RequestRecord, type ResolutionRecord } from './requests';
import type { ReportTimelineRecord, WaitingRecord } from './report-source';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const WAIT_BANDS: ReadonlyArray<{ label: string; below: number }> = [
  { label: 'Under 15 min', below: 15 * MINUTE },
  { label: '15–60 min', below: HOUR },
  { label: '1–4 h', below: 4 * HOUR },
  { label: '4–24 h', below: 24 * HOUR },
  { label: '1 day or more', below: Infinity },
];
/** Staff name for a reply or resolve whose author is not recorded. */
export const UNKNOWN_STAFF = 'Unknown';

export interface ReportPeriod {
  fromDate: string;
  toDate: string;
  /** Instants bounding the period: the club's midnight starting fromDate, and the one after toDate. */
  from: string;
  to: string;
}

/** The last `days` days on the club's calendar, today included (DST days are 23 or 25 hours). */
export function reportPeriod(days: number, now: number, timeZone: string): ReportPeriod {
  const toDate = localDate(now, timeZone);
  const fromDate = addDays(toDate, -(days - 1));
  return {
    fromDate,
    toDate,
    from: new Date(startOfLocalDay(fromDate, timeZone)).toISOString(),
    to: new Date(startOfLocalDay(addDays(toDate, 1), timeZone)).toISOString(),
  };
}

export interface ReportData {
  requests: RequestRecord[];
  resolutions: ResolutionRecord[];
}

/** Every request and resolution that began in the period, oldest first. */
export function reportData(timeline: ReportTimelineRecord, period: ReportPeriod): ReportData {
  const requests: RequestRecord[] = [];
  const resolutions: ResolutionRecord[] = [];
  const since = timeline.resolvesRecordedSince === null ? null : Date.parse(timeline.resolvesRecordedSince);
  for (const c of timeline.conversations) {
    const found = requestsOf(c, period);
    requests.push(...found.requests);
    // A resolution that began before resolves were recorded may have ended unrecorded: not known.
    resolutions.push(...found.resolutions.filter((r) => since !== null && Date.parse(r.startedAt) >= since));
  }
  const byStart = <T extends { startedAt: string; conversationId: number }>(a: T, b: T): number =>
    Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.conversationId - b.conversationId;
  return { requests: requests.sort(byStart), resolutions: resolutions.sort(byStart) };
}

const intentKey = (intent: string | null): ReportIntent => (intent ?? UNCLASSIFIED) as ReportIntent;

interface Bucket {
  requests: number;
  firstResponse: number[];
  resolution: number[];
}
const emptyBucket = (): Bucket => ({ requests: 0, firstResponse: [], resolution: [] });
const statsOf = (b: Bucket): { requests: number; firstResponse: DurationStat; resolution: DurationStat } => ({
  requests: b.requests,
  firstResponse: durationStat(b.firstResponse),
  resolution: durationStat(b.resolution),
});

export function buildReport(input: {
  data: ReportData;
  waiting: readonly WaitingRecord[];
  period: ReportPeriod;
  timeZone: string;
  now: number;
  resolvesRecordedSince: string | null;
}): Report {
  const { data, period, timeZone, now } = input;
  const days = new Map<string, Bucket>();
  for (let d = period.fromDate; d <= period.toDate; d = addDays(d, 1)) days.set(d, emptyBucket());
  const hours = Array.from({ length: 24 }, emptyBucket);
  const intents = new Map<ReportIntent, Bucket>();
  const staff = new Map<string, { firstResponse: number[]; resolution: number[] }>();
  const total = emptyBucket();
  const counts = { answered: 0, closedWithoutReply: 0, stillWaiting: 0, untimed: 0 };

  const bucketsOf = (startedAt: string, intent: string | null): Bucket[] => {
    const at = Date.parse(startedAt);
    const key = intentKey(intent);
    if (!intents.has(key)) intents.set(key, emptyBucket());
    return [total, days.get(localDate(at, timeZone)), hours[localParts(at, timeZone).hour], intents.get(key)].filter(
      (b): b is Bucket => b !== undefined,
    );
  };
  const staffOf = (name: string | null): { firstResponse: number[]; resolution: number[] } => {
    const key = name ?? UNKNOWN_STAFF;
    let s = staff.get(key);
    if (!s) staff.set(key, (s = { firstResponse: [], resolution: [] }));
    return s;
  };

  for (const r of data.requests) {
    const buckets = bucketsOf(r.startedAt, r.intent);
    for (const b of buckets) b.requests += 1;
    if (r.outcome === 'answered') counts.answered += 1;
    else if (r.outcome === 'waiting') counts.stillWaiting += 1;
    else counts.closedWithoutReply += 1;
    if (r.outcome === 'answered' && r.firstResponseMs === null) counts.untimed += 1;
    if (r.firstResponseMs !== null) {
      for (const b of buckets) b.firstResponse.push(r.firstResponseMs);
      staffOf(r.responder).firstResponse.push(r.firstResponseMs);
    }
  }
  for (const r of data.resolutions) {
    if (r.resolutionMs === null) continue;
    const at = Date.parse(r.startedAt);
    const key = intentKey(r.intent);
    if (!intents.has(key)) intents.set(key, emptyBucket());
    for (const b of [total, days.get(localDate(at, timeZone)), hours[localParts(at, timeZone).hour], intents.get(key)]) b?.resolution.push(r.resolutionMs);
    staffOf(r.resolver).resolution.push(r.resolutionMs);
  }

  const waits = input.waiting.map((w) => Math.max(0, now - Date.parse(w.waitingSince)));
  const waitStat = durationStat(waits);
  return {
    timeZone,
    fromDate: period.fromDate,
    toDate: period.toDate,
    generatedAt: new Date(now).toISOString(),
    resolvesRecordedSince: input.resolvesRecordedSince,
    totals: { ...statsOf(total), ...counts },
    byDay: [...days].map(([date, b]) => ({ date, ...statsOf(b) })),
    byHour: hours.map((b, hour) => ({ hour, ...statsOf(b) })),
    byStaff: [...staff]
      .map(([name, s]) => ({ staff: name, firstResponse: durationStat(s.firstResponse), resolution: durationStat(s.resolution) }))
      .sort((a, b) => b.firstResponse.count + b.resolution.count - (a.firstResponse.count + a.resolution.count) || a.staff.localeCompare(b.staff)),
    byIntent: [...intents]
      .map(([intent, b]) => ({ intent, ...statsOf(b) }))
      .sort((a, b) => b.requests - a.requests || a.intent.localeCompare(b.intent)),
    waitingNow: {
      count: waits.length,
      longestMs: waits.length === 0 ? null : Math.max(...waits),
      medianMs: waitStat.medianMs,
      bands: WAIT_BANDS.map((band, i) => ({
        label: band.label,
        count: waits.filter((w) => w < band.below && (i === 0 || w >= WAIT_BANDS[i - 1]!.below)).length,
      })),
      longest: input.waiting.slice(0, 10).map((w) => ({
        conversationId: w.conversationId,
        memberName: w.memberName,
        waitingSince: w.waitingSince,
        intent: intentKey(w.intent),
      })),
    },
  };
}
