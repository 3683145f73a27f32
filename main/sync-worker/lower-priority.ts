// The sync worker runs below the main process's priority: on a machine with few cores, a first
// import (the worker's thread and V8's collector threads working on its heap) would otherwise take
// turns with the main process's thread, and the window would wait for a core for up to a frame or
// more. The scheduler now gives the main process the core the moment it has work.
import { readdirSync } from 'node:fs';
import { constants, setPriority } from 'node:os';

/** Niceness 10 on Unix; "below normal" on Windows. */
export const WORKER_PRIORITY = constants.priority.PRIORITY_BELOW_NORMAL;

/**
 * Lowers this whole process. Linux keeps a niceness per thread, and threads started before this
 * (V8's, libuv's) keep theirs, so each is set; threads started after take their creator's.
 * Elsewhere the priority belongs to the process. Returns what could not be done, for the log.
 */
export function lowerPriority(platform: NodeJS.Platform = process.platform, tasks: () => string[] = () => readdirSync('/proc/self/task')): string[] {
  const failures: string[] = [];
  const set = (id: number): void => {
    try {
      setPriority(id, WORKER_PRIORITY);
    } catch (error) {
      failures.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  if (platform !== 'linux') {
    set(0);
    return failures;
  }
  let ids: string[];
  try {
    ids = tasks();
  } catch (error) {
    set(0);
    return [`threads: ${error instanceof Error ? error.message : String(error)}`, ...failures];
  }
  for (const id of ids) set(Number(id));
  return failures;
}
