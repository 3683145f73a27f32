// What the team store benchmark (figures/team-store.ts) and its desk processes say to each other.
import { z } from 'zod';

export const benchDeskConfigSchema = z.object({
  index: z.number().int().nonnegative(),
  dbPath: z.string(),
  teamUrl: z.string(),
  /** Changes this desk writes once told to go. */
  changes: z.number().int().nonnegative(),
  /** Desk 0 seeds the conversations every desk then works on. */
  seedConversations: z.number().int().nonnegative(),
  /** Desk 0 also writes a timestamped note this often during the run: the propagation probes. */
  probeEveryMs: z.number().int().positive(),
});
export type BenchDeskConfig = z.infer<typeof benchDeskConfigSchema>;

export const toBenchDeskSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('seed') }),
  /** Pull until `seq` is applied (the seeded conversations are there). */
  z.object({ type: z.literal('catchUp'), conversations: z.number().int() }),
  z.object({ type: z.literal('go') }),
  /** Steady work at `perSecond` changes a second for `seconds`; desk 0 also sends its probes. */
  z.object({ type: z.literal('paced'), perSecond: z.number().positive(), seconds: z.number().positive() }),
  z.object({ type: z.literal('close') }),
]);
export type ToBenchDesk = z.infer<typeof toBenchDeskSchema>;

export const fromBenchDeskSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('seeded') }),
  z.object({ type: z.literal('caughtUp') }),
  /** Every change written and pushed. */
  z.object({ type: z.literal('pushed'), written: z.number().int(), ms: z.number() }),
  z.object({ type: z.literal('pacedDone') }),
  /** Progress of what this desk applied from others, and the probe latencies it saw (ms). */
  z.object({ type: z.literal('applied'), rows: z.number().int(), seq: z.number().int(), probes: z.array(z.number()) }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);
export type FromBenchDesk = z.infer<typeof fromBenchDeskSchema>;
