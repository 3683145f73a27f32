// What the kill soak's parent (kill-soak.ts) and its child (kill-soak-child.ts) say to each other.
import { z } from 'zod';

export const childConfigSchema = z.object({
  dbPath: z.string(),
  baseUrl: z.string(),
  username: z.string(),
  password: z.string(),
  owners: z.array(z.object({ ownerId: z.string(), name: z.string() })),
  /** The club's clock when the process starts (epoch ms). */
  now: z.number(),
  timeoutMs: z.number().int().positive(),
});
export type ChildConfig = z.infer<typeof childConfigSchema>;

export const toChildSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('poll'),
    requestId: z.number().int(),
    now: z.number(),
    /** SIGKILL this process right after the n-th message insert from now (inside its transaction). */
    dieAtInsert: z.number().int().positive().nullable(),
  }),
  z.object({ type: z.literal('close') }),
]);
export type ToChild = z.infer<typeof toChildSchema>;

export const fromChildSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({
    type: z.literal('polled'),
    requestId: z.number().int(),
    owners: z.array(z.object({ ownerId: z.string(), consecutiveFailures: z.number().int(), historyImported: z.boolean(), lastError: z.string().nullable() })),
  }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);
export type FromChild = z.infer<typeof fromChildSchema>;
