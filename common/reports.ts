// The shape of a response-time report, shared by the core that computes it and the window that
// draws it. Definitions (README, "Reports"): a request starts at a member's first text asking for
// an answer after the last staff reply; its first response is the next staff reply; it resolves
// at the next recorded "resolved" after its first text. Durations are milliseconds.
import { z } from 'zod';
import { INTENTS } from './intent-catalog';

const isoTime = z.iso.datetime({ offset: true });
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** Periods the Reports view offers: the last N days on the club's calendar, today included. */
export const REPORT_PERIODS = [7, 30, 90] as const;
export const reportArgsSchema = z.object({ days: z.number().int().min(1).max(366) }).strict();

/** Requests whose first text carried no intent (not classified yet) are grouped under this key. */
export const UNCLASSIFIED = 'unclassified';
export const reportIntentSchema = z.enum([...INTENTS, UNCLASSIFIED]);

export const durationStatSchema = z.object({
  count: z.number().int().nonnegative(),
  medianMs: z.number().nonnegative().nullable(),
  p90Ms: z.number().nonnegative().nullable(),
});

const bucketStats = {
  /** Requests that began in the bucket. */
  requests: z.number().int().nonnegative(),
  firstResponse: durationStatSchema,
  resolution: durationStatSchema,
};

export const reportSchema = z.object({
  timeZone: z.string(),
  fromDate: localDate,
  toDate: localDate,
  generatedAt: isoTime,
  /** Since when resolves are recorded; earlier requests have no time to resolve. */
  resolvesRecordedSince: isoTime.nullable(),
  totals: z.object({
    ...bucketStats,
    answered: z.number().int().nonnegative(),
    /** Closed by "Mark handled" or a resolve without a reply. */
    closedWithoutReply: z.number().int().nonnegative(),
    stillWaiting: z.number().int().nonnegative(),
    /** Requests whose start or reply ClubOS gave only a date for: counted, not timed. */
    untimed: z.number().int().nonnegative(),
  }),
  byDay: z.array(z.object({ date: localDate, ...bucketStats })),
  byHour: z.array(z.object({ hour: z.number().int().min(0).max(23), ...bucketStats })),
  byStaff: z.array(z.object({ staff: z.string(), firstResponse: durationStatSchema, resolution: durationStatSchema })),
  byIntent: z.array(z.object({ intent: reportIntentSchema, ...bucketStats })),
  waitingNow: z.object({
    count: z.number().int().nonnegative(),
    longestMs: z.number().nonnegative().nullable(),
    medianMs: z.number().nonnegative().nullable(),
    /** How long members have waited, in bands: under 15 min, 15–60 min, 1–4 h, 4–24 h, a day or more. */
    bands: z.array(z.object({ label: z.string(), count: z.number().int().nonnegative() })),
    longest: z.array(z.object({ conversationId: z.number().int().positive(), memberName: z.string(), waitingSince: isoTime, intent: reportIntentSchema })),
  }),
});

export type DurationStat = z.infer<typeof durationStatSchema>;
export type Report = z.infer<typeof reportSchema>;
export type ReportIntent = z.infer<typeof reportIntentSchema>;
export const reportCsvSchema = z.object({ fileName: z.string(), content: z.string() });
