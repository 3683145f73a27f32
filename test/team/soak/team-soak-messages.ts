// What the team soak's parent (team-soak.ts) and its desks (team-soak-child.ts) say to each other.
import { z } from 'zod';

export const deskConfigSchema = z.object({
  index: z.number().int().nonnegative(),
  dataDir: z.string(),
  baseUrl: z.string(),
  /** The desk's way to the team store (the parent's proxy, which can cut it off). */
  teamUrl: z.string(),
  seed: z.number().int(),
  /** Between random team actions (status, tags, notes, assignment, read, handled). */
  actionEveryMs: z.number().int().positive(),
  pollIntervalSeconds: z.number().int().min(5),
});
export type DeskConfig = z.infer<typeof deskConfigSchema>;

export const toDeskSchema = z.discriminatedUnion('type', [
  /** Stop acting; push everything; say `flushed`. */
  z.object({ type: z.literal('quiesce') }),
  /** Pull everything; send the shared state; exit. */
  z.object({ type: z.literal('dump') }),
]);
export type ToDesk = z.infer<typeof toDeskSchema>;

const sharedStateSchema = z.object({
  conversations: z.array(
    z.object({
      key: z.string(),
      status: z.string(),
      snoozedUntil: z.string().nullable(),
      tags: z.array(z.string()),
      assignee: z.string().nullable(),
      handledAt: z.string().nullable(),
    }),
  ),
  messages: z.array(z.object({ id: z.string(), direction: z.string(), body: z.string(), sentAt: z.string(), author: z.string().nullable() })),
  notes: z.array(z.object({ uid: z.string(), key: z.string(), author: z.string(), body: z.string(), createdAt: z.string() })),
  reads: z.array(z.object({ key: z.string(), staff: z.string(), readThrough: z.string().nullable() })),
});
export type SharedState = z.infer<typeof sharedStateSchema>;

export const fromDeskSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** Every half second: the inboxes this desk polls now, and its team state. */
  z.object({ type: z.literal('status'), polling: z.array(z.string()), state: z.string(), pending: z.number().int(), actions: z.number().int() }),
  z.object({ type: z.literal('flushed') }),
  z.object({ type: z.literal('state'), state: sharedStateSchema }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);
export type FromDesk = z.infer<typeof fromDeskSchema>;
