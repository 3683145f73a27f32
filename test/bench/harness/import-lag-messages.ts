// What figure 5 (figures/event-loop-lag.ts) hands its child process (harness/import-lag-child.ts),
// and what the child answers over the IPC channel once the import is done.
import { z } from 'zod';

export const importLagInputSchema = z
  .object({
    /** The core's data folder (empty: the import is a first sync). */
    dataDir: z.string().min(1),
    /** The simulator, in a process of its own. */
    baseUrl: z.string().url(),
    ownerId: z.string().min(1),
    /** How many texts the simulator's inbox lists: the import must store them all. */
    messages: z.number().int().positive(),
  })
  .strict();
export type ImportLagInput = z.infer<typeof importLagInputSchema>;

const ms = z.number().nonnegative();
export const windowLatencySchema = z.object({ runs: z.number().int().nonnegative(), p50Ms: ms, p99Ms: ms, maxMs: ms }).strict();
export type WindowLatency = z.infer<typeof windowLatencySchema>;
/** A stall: when it began, how long, the collections within it, and (Linux) how long of it the main thread ran and waited for a core. */
export const stallSchema = z.object({ atMs: ms, ms, gc: z.array(z.string()), ranMs: ms.optional(), waitedMs: ms.optional() }).strict();
export type Stall = z.infer<typeof stallSchema>;

export const importLagResultSchema = z
  .object({
    importMs: ms,
    maxMs: ms,
    p99Ms: ms,
    meanMs: ms,
    /** The longest stalls of the main event loop (8 ms or more), when they began after the import started, and what collected garbage meanwhile. */
    longestStalls: z.array(stallSchema),
    /** Of all stalls of 8 ms or more, the most the main thread itself ran within one (Linux; null elsewhere). */
    stallOwnWorkMaxMs: ms.nullable(),
    windowRequests: windowLatencySchema,
    markRead: windowLatencySchema,
    /** Resident set of the child as it starts: Node and the bundle, before the core opens. */
    startRssMb: z.number().positive(),
    /** Both processes' resident memory just before the import (see peakRssMb): the core open and signed in, the worker loaded and idle. */
    baselineRssMb: z.number().positive(),
    /**
     * Largest resident memory of the two processes during the import, sampled together: the
     * child's resident set and the sync worker's own pages (anonymous and shared memory). The
     * worker's file pages are left out: Node's code and the libraries, which the child maps too
     * and which are in memory once.
     */
    peakRssMb: z.number().positive(),
    /** The two resident sets simply added up, file pages counted twice: the upper bound. */
    peakRssSumMb: z.number().positive(),
    /** Each process's own largest resident set during the import. */
    peakMainRssMb: z.number().positive(),
    peakWorkerRssMb: z.number().positive(),
    node: z.string(),
    /** The child's Node flags (and NODE_OPTIONS, if set): none, so no TypeScript loader runs in it. */
    nodeFlags: z.array(z.string()),
    /** The sync worker's file, as syncWorkerScript() found it beside the bundle. */
    syncWorkerFile: z.string().min(1),
  })
  .strict();
export type ImportLagResult = z.infer<typeof importLagResultSchema>;
