// What hostile-network.test.ts and hostile-probe.ts say to each other.
import { z } from 'zod';

export const hostileProbeInputSchema = z.object({
  cases: z.array(
    z.object({
      name: z.string(),
      baseUrl: z.string(),
      username: z.string(),
      password: z.string(),
      call: z.enum(['signIn', 'inbox']),
      ownerId: z.string(),
      timeoutMs: z.number().int().positive(),
    }),
  ),
});
export type HostileProbeInput = z.infer<typeof hostileProbeInputSchema>;

export const hostileProbeResultSchema = z.object({
  baselineMb: z.number(),
  cases: z.array(
    z.object({
      name: z.string(),
      kind: z.string(),
      message: z.string(),
      seconds: z.number(),
      sampledPeakMb: z.number(),
      maxRssMb: z.number(),
    }),
  ),
});
export type HostileProbeResult = z.infer<typeof hostileProbeResultSchema>;
