// What the benchmark and its simulator process say to each other over the IPC channel.
import { z } from 'zod';

export const simulatorConfigSchema = z
  .object({
    seed: z.number().int(),
    members: z.number().int().min(1).max(50_000),
    /** Texts already in the owner's inbox when the simulator is ready. */
    messages: z.number().int().min(0),
    days: z.number().int().min(1),
    /**
     * Runs below the measuring process's priority, as the sync worker does. The simulator stands
     * for ClubOS, a server on another machine: serving a page of tens of MB must not take a core
     * from the process being measured, which a real server would not.
     */
    background: z.boolean().optional(),
  })
  .strict();
export type SimulatorConfig = z.infer<typeof simulatorConfigSchema>;

export const toSimulatorSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('addInbound'), requestId: z.number().int(), member: z.number().int().min(0), body: z.string().min(1) }),
  z.object({ type: z.literal('close') }),
]);
export type ToSimulator = z.infer<typeof toSimulatorSchema>;

export const fromSimulatorSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), baseUrl: z.string().url(), loggedInUserId: z.string(), inboxRows: z.number().int() }),
  z.object({ type: z.literal('added'), requestId: z.number().int() }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);
export type FromSimulator = z.infer<typeof fromSimulatorSchema>;
