// What figures/memory.ts hands its probe process, and what the probe answers.
import { z } from 'zod';

export const memoryProbeInputSchema = z.object({ dataDir: z.string().min(1), query: z.string().min(1) }).strict();
export type MemoryProbeInput = z.infer<typeof memoryProbeInputSchema>;

export const memoryProbeResultSchema = z
  .object({
    beforeOpenRssMb: z.number(),
    /** The app's resident memory: this process's resident set and the sync worker's own pages. */
    rssMb: z.number(),
    /** Each process's resident set alone. */
    mainRssMb: z.number(),
    workerRssMb: z.number(),
    heapUsedMb: z.number(),
    externalMb: z.number(),
    listed: z.number().int(),
    hits: z.number().int(),
  })
  .strict();
export type MemoryProbeResult = z.infer<typeof memoryProbeResultSchema>;
