// The sync worker runs below the main process's priority: on a machine with few cores, a first
// import (the worker's thread and V8's collector threads working on its heap) would otherwise take
// turns with the main process's thread, and the window would wait for a core for a frame or
// more. The scheduler now gives the main process a core the moment it has work.
import { readdirSync } from 'node:fs';
import { constants, getPriority, setPriority } from 'node:os';

/** Niceness 10 on Unix; "below normal" on Windows. */
export const WORKER_PRIORITY = constants.priority.PRIORITY_BELOW_NORMAL;

export interface PriorityDeps {
  platform: NodeJS.Platform;
  /** This process's thread ids (Linux). */
  threads(): string[];
  /** os.getPriority and os.setPriority: 0 is the calling thread on Linux, the process elsewhere. */
  getPriority(id: number): number;
  setPriority(id: number, priority: number): void;
}

const systemDeps: PriorityDeps = { platform: process.platform, threads: () => readdirSync('/proc/self/task'), getPriority, setPriority };

/**
 * Lowers this whole process. Linux keeps a niceness per thread, and threads started before this
 * (V8's, libuv's) keep theirs, so each is set; threads started later take their creator's.
 * Elsewhere the priority belongs to the process. A thread already as low or lower is left as it
 * is (raising it back would need privileges, and is not this code's business). Returns what could
 * not be done, for the log.
 */
export function lowerPriority(deps: PriorityDeps = systemDeps): string[] {
  const failures: string[] = [];
  const failed = (what: string, error: unknown): void => void failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  const lower = (id: number, what: string): void => {
    try {
      if (deps.getPriority(id) < WORKER_PRIORITY) deps.setPriority(id, WORKER_PRIORITY);
    } catch (error) {
      failed(what, error);
    }
  };
  if (deps.platform !== 'linux') {
    lower(0, 'process');
    return failures;
  }
  let threads: string[];
  try {
    threads = deps.threads();
  } catch (error) {
    failed('threads', error);
    threads = [];
  }
  if (threads.length === 0) lower(0, 'thread');
  for (const id of threads) lower(Number(id), `thread ${id}`);
  return failures;
}
