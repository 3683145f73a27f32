// The report's arithmetic on known data: medians and p90, what starts and ends a request, the
// club's day and hour (a DST day included), and an empty period.
import { describe, expect, it } from 'vitest';
import { buildReport, reportData, reportPeriod } from '../../main/services/reports/build-report';
import { requestsOf } from '../../main/services/reports/requests';
import type { ReportConversationRecord, ReportMessageRecord, ReportTimelineRecord } from '../../main/services/reports/report-source';
import { durationStat, percentile } from '../../main/services/reports/stats';

const MIN = 60_000;
const NY = 'America/New_York';

const inbound = (sentAt: string, over: Partial<ReportMessageRecord> = {}): ReportMessageRecord => ({
  direction: 'inbound',
  sentAt,
  timed: true,
  asksForReply: true,
  intent: 'question_about_schedule',
  senderName: 'Pat Member',
  ...over,
});
const reply = (sentAt: string, senderName = 'Alex M.', over: Partial<ReportMessageRecord> = {}): ReportMessageRecord => ({
  direction: 'outbound',
  sentAt,
  timed: true,
  asksForReply: false,
  intent: null,
  senderName,
  ...over,
});
const conv = (conversationId: number, over: Partial<ReportConversationRecord> = {}): ReportConversationRecord => ({
  conversationId,
  memberName: `Member ${conversationId}`,
  handledAt: null,
  openRequestSince: null,
  openResolutionSince: null,
  messages: [],
  resolves: [],
  ...over,
});
const RANGE = { from: '2026-03-01T05:00:00.000Z', to: '2026-03-20T04:00:00.000Z' };

describe('percentiles', () => {
  it('interpolates between the closest ranks', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(ten, 0.5)).toBe(5.5);
    expect(percentile(ten, 0.9)).toBeCloseTo(9.1, 10);
    expect(durationStat([30, 10, 20])).toEqual({ count: 3, medianMs: 20, p90Ms: 28 });
    expect(durationStat([7])).toEqual({ count: 1, medianMs: 7, p90Ms: 7 });
  });

  it('has no median of nothing', () => {
    expect(durationStat([])).toEqual({ count: 0, medianMs: null, p90Ms: null });
  });
});

describe('requests', () => {
  it('a request starts at the first unanswered text and ends at the next reply; later texts before the reply join it', () => {
    const c = conv(1, {
      messages: [
        inbound('2026-03-02T14:00:00.000Z'),
        inbound('2026-03-02T14:05:00.000Z', { intent: 'complaint' }),
        reply('2026-03-02T14:20:00.000Z'),
        inbound('2026-03-02T15:00:00.000Z', { asksForReply: false }), // "thanks!"
        inbound('2026-03-02T16:00:00.000Z', { intent: 'question_about_billing' }),
        reply('2026-03-02T16:03:00.000Z', 'Sam K.'),
      ],
    });
    const { requests } = requestsOf(c, RANGE);
    expect(requests.map((r) => [r.startedAt, r.firstResponseMs, r.responder, r.intent, r.outcome])).toEqual([
      ['2026-03-02T14:00:00.000Z', 20 * MIN, 'Alex M.', 'question_about_schedule', 'answered'],
      ['2026-03-02T16:00:00.000Z', 3 * MIN, 'Sam K.', 'question_about_billing', 'answered'],
    ]);
  });

  it('handled and resolve close a request without a reply; an unanswered one is still waiting', () => {
    const handled = conv(1, { handledAt: '2026-03-02T14:30:00.000Z', messages: [inbound('2026-03-02T14:00:00.000Z'), inbound('2026-03-02T15:00:00.000Z')] });
    expect(requestsOf(handled, RANGE).requests.map((r) => [r.outcome, r.firstResponseMs])).toEqual([
      ['closed_without_reply', null],
      ['waiting', null],
    ]);
    const resolved = conv(2, { messages: [inbound('2026-03-02T14:00:00.000Z')], resolves: [{ at: '2026-03-02T14:10:00.000Z', actor: 'Alex M.' }] });
    const out = requestsOf(resolved, RANGE);
    expect(out.requests.map((r) => r.outcome)).toEqual(['closed_without_reply']);
    expect(out.resolutions).toEqual([expect.objectContaining({ resolutionMs: 10 * MIN, resolver: 'Alex M.' })]);
  });

  it('a resolution runs from the first asking text after the previous resolve to the next one, across replies', () => {
    const c = conv(1, {
      messages: [
        inbound('2026-03-02T14:00:00.000Z'),
        reply('2026-03-02T14:10:00.000Z'),
        inbound('2026-03-02T14:30:00.000Z'),
        reply('2026-03-02T14:40:00.000Z'),
        inbound('2026-03-03T09:00:00.000Z'),
      ],
      resolves: [
        { at: '2026-03-02T15:00:00.000Z', actor: 'Alex M.' },
        { at: '2026-03-03T09:30:00.000Z', actor: null },
        { at: '2026-03-04T09:30:00.000Z', actor: 'Sam K.' }, // resolved again with nothing new: no resolution
      ],
    });
    const { resolutions } = requestsOf(c, RANGE);
    expect(resolutions.map((r) => [r.startedAt, r.resolutionMs, r.resolver])).toEqual([
      ['2026-03-02T14:00:00.000Z', 60 * MIN, 'Alex M.'],
      ['2026-03-03T09:00:00.000Z', 30 * MIN, null],
    ]);
  });

  it('what was open when the period began is not reported, and keeps the period texts from starting anew', () => {
    const c = conv(1, {
      openRequestSince: '2026-02-28T20:00:00.000Z',
      openResolutionSince: '2026-02-28T20:00:00.000Z',
      messages: [inbound('2026-03-01T14:00:00.000Z'), reply('2026-03-01T14:10:00.000Z'), inbound('2026-03-01T15:00:00.000Z'), reply('2026-03-01T15:02:00.000Z')],
      resolves: [{ at: '2026-03-01T16:00:00.000Z', actor: 'Alex M.' }],
    });
    const out = requestsOf(c, RANGE);
    expect(out.requests.map((r) => [r.startedAt, r.firstResponseMs])).toEqual([['2026-03-01T15:00:00.000Z', 2 * MIN]]);
    expect(out.resolutions).toEqual([]);
  });

  it('a text ClubOS gave only a date for is counted but not timed', () => {
    const c = conv(1, { messages: [inbound('2026-03-02T05:00:00.000Z', { timed: false }), reply('2026-03-02T14:00:00.000Z')] });
    expect(requestsOf(c, RANGE).requests).toEqual([expect.objectContaining({ outcome: 'answered', firstResponseMs: null })]);
  });
});

describe('the report', () => {
  it('puts each request under the club-local day and hour of its first text, across the spring-forward day', () => {
    // New York springs forward on 2026-03-08 at 2:00 (EST −5 → EDT −4): that day has 23 hours.
    const now = Date.parse('2026-03-09T15:00:00.000Z');
    const period = reportPeriod(3, now, NY);
    expect(period).toEqual({ fromDate: '2026-03-07', toDate: '2026-03-09', from: '2026-03-07T05:00:00.000Z', to: '2026-03-10T04:00:00.000Z' });
    const timeline: ReportTimelineRecord = {
      resolvesRecordedSince: '2026-01-01T00:00:00.000Z',
      conversations: [
        // 22:30 EST on the 7th (already the 8th in UTC).
        conv(1, { messages: [inbound('2026-03-08T03:30:00.000Z'), reply('2026-03-08T03:40:00.000Z')] }),
        // 01:30 EST and 03:30 EDT on the 8th: one real hour apart.
        conv(2, { messages: [inbound('2026-03-08T06:30:00.000Z'), reply('2026-03-08T06:34:00.000Z')] }),
        conv(3, { messages: [inbound('2026-03-08T07:30:00.000Z', { intent: null }), reply('2026-03-08T07:32:00.000Z', 'Sam K.')] }),
        // Before the period (23:59 EST on the 6th): left out.
        conv(4, { messages: [inbound('2026-03-07T04:59:00.000Z'), reply('2026-03-07T05:10:00.000Z')] }),
      ],
    };
    const data = reportData(timeline, period);
    const report = buildReport({ data, waiting: [], period, timeZone: NY, now, resolvesRecordedSince: timeline.resolvesRecordedSince });
    expect(report.byDay.map((d) => [d.date, d.requests, d.firstResponse.medianMs])).toEqual([
      ['2026-03-07', 1, 10 * MIN],
      ['2026-03-08', 2, 3 * MIN],
      ['2026-03-09', 0, null],
    ]);
    const hours = Object.fromEntries(report.byHour.filter((h) => h.requests > 0).map((h) => [h.hour, h.requests]));
    expect(hours).toEqual({ 1: 1, 3: 1, 22: 1 });
    expect(report.byHour).toHaveLength(24);
    expect(report.totals).toMatchObject({ requests: 3, answered: 3, stillWaiting: 0, firstResponse: { count: 3, medianMs: 4 * MIN } });
    expect(report.byStaff).toEqual([
      { staff: 'Alex M.', firstResponse: { count: 2, medianMs: 7 * MIN, p90Ms: 9.4 * MIN }, resolution: { count: 0, medianMs: null, p90Ms: null } },
      { staff: 'Sam K.', firstResponse: { count: 1, medianMs: 2 * MIN, p90Ms: 2 * MIN }, resolution: { count: 0, medianMs: null, p90Ms: null } },
    ]);
    expect(report.byIntent.map((i) => [i.intent, i.requests])).toEqual([
      ['question_about_schedule', 2],
      ['unclassified', 1],
    ]);
  });

  it('leaves out resolutions that began before resolves were recorded', () => {
    const now = Date.parse('2026-03-09T15:00:00.000Z');
    const period = reportPeriod(7, now, NY);
    const timeline: ReportTimelineRecord = {
      resolvesRecordedSince: '2026-03-05T00:00:00.000Z',
      conversations: [
        conv(1, { messages: [inbound('2026-03-04T15:00:00.000Z')], resolves: [{ at: '2026-03-05T15:00:00.000Z', actor: 'Alex M.' }] }),
        conv(2, { messages: [inbound('2026-03-06T15:00:00.000Z')], resolves: [{ at: '2026-03-06T17:00:00.000Z', actor: 'Alex M.' }] }),
      ],
    };
    const report = buildReport({ data: reportData(timeline, period), waiting: [], period, timeZone: NY, now, resolvesRecordedSince: timeline.resolvesRecordedSince });
    expect(report.totals.resolution).toEqual({ count: 1, medianMs: 120 * MIN, p90Ms: 120 * MIN });
  });

  it('an empty period has every day and hour, no medians, and nobody waiting', () => {
    const now = Date.parse('2026-11-30T12:00:00.000Z');
    const period = reportPeriod(30, now, 'Pacific/Kiritimati');
    const report = buildReport({ data: { requests: [], resolutions: [] }, waiting: [], period, timeZone: 'Pacific/Kiritimati', now, resolvesRecordedSince: null });
    expect(report.byDay).toHaveLength(30);
    expect(report.toDate).toBe('2026-12-01'); // already tomorrow at UTC+14
    expect(report.totals).toEqual({
      requests: 0,
      firstResponse: { count: 0, medianMs: null, p90Ms: null },
      resolution: { count: 0, medianMs: null, p90Ms: null },
      answered: 0,
      closedWithoutReply: 0,
      stillWaiting: 0,
      untimed: 0,
    });
    expect(report.byStaff).toEqual([]);
    expect(report.byIntent).toEqual([]);
    expect(report.waitingNow).toMatchObject({ count: 0, longestMs: null, medianMs: null, longest: [] });
  });

  it('waiting now: how many, for how long, in bands', () => {
    const now = Date.parse('2026-03-09T15:00:00.000Z');
    const period = reportPeriod(7, now, NY);
    const since = (minutesAgo: number): string => new Date(now - minutesAgo * MIN).toISOString();
    const waiting = [
      { conversationId: 3, memberName: 'C', waitingSince: since(3000), intent: null },
      { conversationId: 1, memberName: 'A', waitingSince: since(90), intent: 'complaint' as const },
      { conversationId: 2, memberName: 'B', waitingSince: since(5), intent: null },
    ];
    const report = buildReport({ data: { requests: [], resolutions: [] }, waiting, period, timeZone: NY, now, resolvesRecordedSince: null });
    expect(report.waitingNow.count).toBe(3);
    expect(report.waitingNow.longestMs).toBe(3000 * MIN);
    expect(report.waitingNow.medianMs).toBe(90 * MIN);
    expect(report.waitingNow.bands.map((b) => b.count)).toEqual([1, 0, 1, 0, 1]);
    expect(report.waitingNow.longest[0]).toMatchObject({ conversationId: 3, intent: 'unclassified' });
  });
});
