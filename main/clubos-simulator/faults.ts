// Switchable, seeded failure modes. The HTTP side asks `fire(mode, path)` at the point where a
// fault would strike; a rule decides by path, remaining count and a seeded coin.
import { z } from 'zod';
import { createRandom } from './random';
import type { Random } from './random';
import { FAULT_MODES } from './types';
import type { FaultMode, FaultRule, SimFaults } from './types';

const INBOX_PATH = '/action/Dashboard/messages';
const HTML_MODES: ReadonlySet<FaultMode> = new Set(['truncatedHtml', 'garbledHtml', 'missingLabel', 'missingName']);

/**
 * Where a mode strikes when its rule names no paths: HTML faults on the inbox, "Something isn't
 * right" on sends and the login post, and session/HTTP faults everywhere but the login pages
 * (so a client can always sign in again).
 */
function matchesByDefault(mode: FaultMode, path: string): boolean {
  if (HTML_MODES.has(mode)) return path.startsWith(INBOX_PATH);
  if (mode === 'somethingNotRight') return path.startsWith('/action/FollowUp/save') || path === '/action/Login';
  return !path.startsWith('/action/Login');
}

const ruleSchema = z
  .object({
    probability: z.number().min(0).max(1).optional(),
    times: z.number().int().positive().optional(),
    paths: z.array(z.string().startsWith('/')).optional(),
    delayMs: z.number().min(0).max(600_000).optional(),
  })
  .strict();

interface ActiveRule {
  probability: number;
  timesLeft: number;
  paths: string[] | null;
  delayMs: number;
}

export interface FiredFault {
  delayMs: number;
}

export interface FaultController extends SimFaults {
  /**
   * Whether `mode` strikes a request to `path` (`null`: a fault not tied to a request); a firing
   * is counted and uses up one of the rule's `times`.
   */
  fire(mode: FaultMode, path: string | null): FiredFault | null;
  /** Seeded choices for the shape of a fired fault (which 5xx, where to cut a page). */
  readonly rng: Random;
}

const DEFAULT_SLOW_MS = 1_000;

export function createFaults(seed: number): FaultController {
  const rules = new Map<FaultMode, ActiveRule>();
  const fired = Object.fromEntries(FAULT_MODES.map((m) => [m, 0])) as Record<FaultMode, number>;
  let rng = createRandom(seed);

  return {
    set(mode: FaultMode, rule: FaultRule = {}) {
      if (!FAULT_MODES.includes(mode)) throw new RangeError(`unknown fault mode ${String(mode)}`);
      const r = ruleSchema.parse(rule);
      rules.set(mode, {
        probability: r.probability ?? 1,
        timesLeft: r.times ?? Infinity,
        paths: r.paths ?? null,
        delayMs: r.delayMs ?? DEFAULT_SLOW_MS,
      });
    },
    clear(mode?: FaultMode) {
      if (mode === undefined) rules.clear();
      else rules.delete(mode);
    },
    seed(n: number) {
      rng = createRandom(n);
    },
    get fired() {
      return { ...fired };
    },
    get rng() {
      return rng;
    },
    fire(mode, path) {
      const rule = rules.get(mode);
      if (!rule) return null;
      if (path !== null) {
        const applies = rule.paths ? rule.paths.some((p) => path.startsWith(p)) : matchesByDefault(mode, path);
        if (!applies) return null;
      }
      if (rule.probability < 1 && !rng.chance(rule.probability)) return null;
      rule.timesLeft--;
      if (rule.timesLeft <= 0) rules.delete(mode);
      fired[mode]++;
      return { delayMs: rule.delayMs };
    },
  };
}
