// What the crash soak's parent and its core child say to each other over the IPC channel.
import { z } from 'zod';

export const childConfigSchema = z.object({
  dataDir: z.string(),
  baseUrl: z.string(),
  /** Present on the first run only: the campaigns to create and approve. */
  create: z
    .array(z.object({ name: z.string(), body: z.string(), csv: z.string().optional(), members: z.array(z.object({ id: z.string(), name: z.string() })).optional() }))
    .optional(),
  ratePerMinute: z.number().int(),
});
export type ChildConfig = z.infer<typeof childConfigSchema>;

export const fromChildSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), campaignIds: z.array(z.number()) }),
  z.object({ type: z.literal('done'), sent: z.number(), skipped: z.number(), failed: z.number() }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);
export type FromChild = z.infer<typeof fromChildSchema>;
