// The one JSON object `npm run bench` prints. run.ts checks its own output against this before
// printing it, and the quick test (bench-quick.test.ts) checks what the command printed.
import { z } from 'zod';
import { importLagResultSchema } from './harness/import-lag-messages';

const ms = z.number().nonnegative();
const latency = { runs: z.number().int().positive(), p50Ms: ms, p95Ms: ms, maxMs: ms };
const verdict = { target: z.string().min(1), met: z.boolean() };
const windowLatency = z.object({ runs: z.number().int().positive(), p50Ms: ms, p99Ms: ms, maxMs: ms });

export const benchReportSchema = z
  .object({
    machine: z.object({
      cpu: z.string(),
      cores: z.number().int().positive(),
      memoryGb: z.number().positive(),
      node: z.string(),
      platform: z.string(),
      loadAverage: z.object({ atStart: z.number().nonnegative(), atEnd: z.number().nonnegative() }),
    }),
    quick: z.boolean(),
    startedAt: z.string(),
    durationSeconds: z.number().nonnegative(),
    figures: z.object({
      ingest: z.object({
        messages: z.number().int().positive(),
        conversations: z.number().int().positive(),
        pageMb: z.number().positive(),
        appMessagesPerSecond: z.number().positive(),
        floorMessagesPerSecond: z.number().positive(),
        ratio: z.number().positive(),
        appMs: ms,
        floorMs: ms,
        stagesMs: z.object({ parse: ms, reconcile: ms, write: ms }),
        ...verdict,
      }),
      idlePoll: z.object({
        ...latency,
        snapshotRows: z.number().int().positive(),
        storedMessages: z.number().int().positive(),
        rowsWritten: z.number().int(),
        commitsSeen: z.number().int().nonnegative(),
        parsePageMs: ms,
        ...verdict,
      }),
      queries: z.object({
        messages: z.number().int().positive(),
        conversations: z.number().int().positive(),
        list: z.record(z.string(), z.object({ ...latency, items: z.number().int().nonnegative() })),
        open: z.object({ ...latency, sampledConversations: z.number().int().positive(), largestConversationMessages: z.number().int().positive() }),
        markRead: z.object(latency),
        search: z.array(z.object({ ...latency, kind: z.string(), query: z.string(), matches: z.number().int().nonnegative(), hitsOnFirstPage: z.number().int().nonnegative() })).min(1),
        ...verdict,
      }),
      pushLatency: z.object({
        ...latency,
        inboxRows: z.number().int().positive(),
        getInboxP50Ms: ms,
        parseP50Ms: ms,
        ...verdict,
      }),
      // What figure 5's child measured (harness/import-lag-messages.ts), with what the figure adds.
      eventLoopLag: importLagResultSchema
        .pick({ importMs: true, maxMs: true, p99Ms: true, meanMs: true, longestStalls: true, stallOwnWorkMaxMs: true, startRssMb: true, baselineRssMb: true, peakRssMb: true, peakRssSumMb: true, peakMainRssMb: true, peakWorkerRssMb: true })
        .extend({
          historyMessages: z.number().int().positive(),
          measuredProcess: z.string().min(1),
          windowRequests: windowLatency,
          markRead: windowLatency,
          verdicts: z.object({ stall: z.object(verdict), windowP99: z.object(verdict), importWall: z.object(verdict) }),
          stagesMaxBlockMs: z.object({ parseWhole: ms, parseInSlices: ms, reconcile: ms, ingest: ms }),
          ...verdict,
        }),
      memory: z.object({
        messages: z.number().int().positive(),
        conversations: z.number().int().positive(),
        beforeOpenRssMb: z.number().positive(),
        rssMb: z.number().positive(),
        mainRssMb: z.number().positive(),
        workerRssMb: z.number().positive(),
        heapUsedMb: z.number().positive(),
        externalMb: z.number().nonnegative(),
        listed: z.number().int().positive(),
        hits: z.number().int().nonnegative(),
        ...verdict,
      }),
      scaling: z.object({
        idlePoll: z
          .array(
            z.object({
              rows: z.number().int().positive(),
              runs: z.number().int().positive(),
              p50Ms: ms,
              p95Ms: ms,
              growth: z.number().positive().nullable(),
              rowsGrowth: z.number().positive().nullable(),
            }),
          )
          .length(4),
        worstGrowthPerRowsGrowth: z.number().positive(),
        peakImportRssMb: z.number().positive(),
        importMessages: z.number().int().positive(),
        verdicts: z.object({ growth: z.object(verdict), importRss: z.object(verdict) }),
        ...verdict,
      }),
      /** Issue 19: desks (processes) writing to one PostgreSQL team store at once; skipped (loudly) only without PostgreSQL's binaries. */
      teamStore: z.union([
        z.object({
          desks: z.number().int().positive(),
          changesPerDesk: z.number().int().positive(),
          storeRows: z.number().int().positive(),
          storeRowsPerSecond: z.number().positive(),
          appliedRowsPerSecond: z.number().positive(),
          pushSeconds: ms,
          convergeSeconds: ms,
          propagation: z.object(latency),
          ...verdict,
        }),
        z.object({ skipped: z.string(), target: z.string(), met: z.literal(false) }),
      ]),
    }),
  })
  .strict();

export type BenchReport = z.infer<typeof benchReportSchema>;
