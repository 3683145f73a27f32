// SimulatorOptions parsed at the edge: defaults filled in, nonsense refused with a clear error.
import { z } from 'zod';
import { systemClock } from '../../common/time/clock';
import type { Clock } from '../../common/time/clock';
import { assertTimeZone } from '../../common/time/club-time';
import { DASHBOARD_SHAPES, type DashboardShape, type SimulatorOptions } from './types';

export interface ResolvedOptions {
  clock: Clock;
  timeZone: string;
  seed: number;
  memberIdsInLinks: boolean;
  credentials: { username: string; password: string };
  historyDays: number | null;
  members: number;
  staff: number;
  port: number;
  dashboardShape: DashboardShape;
}

const isTimeZone = (tz: string): boolean => {
  try {
    assertTimeZone(tz);
    return true;
  } catch {
    return false;
  }
};

const schema = z
  .object({
    clock: z.custom<Clock>((v) => typeof v === 'object' && v !== null && typeof (v as { now?: unknown }).now === 'function', 'clock needs now()').optional(),
    timeZone: z.string().refine(isTimeZone, 'unknown IANA time zone').optional(),
    seed: z.number().int().optional(),
    memberIdsInLinks: z.boolean().optional(),
    credentials: z.object({ username: z.string().min(1), password: z.string() }).optional(),
    history: z.union([z.literal(false), z.object({ days: z.number().int().min(0).max(3_650) })]).optional(),
    members: z.number().int().min(1).max(50_000).optional(),
    staff: z.number().int().min(1).max(500).optional(),
    port: z.number().int().min(0).max(65_535).optional(),
    dashboardShape: z.enum(DASHBOARD_SHAPES).optional(),
  })
  .strict();

export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  const o = schema.parse(options);
  return {
    clock: o.clock ?? systemClock,
    timeZone: o.timeZone ?? 'America/Chicago',
    seed: o.seed ?? 1,
    memberIdsInLinks: o.memberIdsInLinks ?? true,
    credentials: o.credentials ?? { username: 'demo', password: 'demo' },
    historyDays: o.history ? o.history.days : null,
    members: o.members ?? 300,
    staff: o.staff ?? 12,
    port: o.port ?? 0,
    dashboardShape: o.dashboardShape ?? 'recent-leads',
  };
}
