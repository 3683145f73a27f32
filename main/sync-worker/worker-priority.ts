// The sync worker gives way to the thread that runs the window. On a machine with few cores an
// import keeps one core busy for seconds; whenever the main thread (or the helper threads V8
// collects its garbage with) needs a core at the same moment, the scheduler should hand it the
// core at once instead of sharing it evenly, which is what a stall of a frame or more is. Linux
// lets a thread lower its own priority (a thread is a task there, and setpriority on the calling
// task changes that thread alone); on macOS and Windows the same call lowers the whole process,
// window included, so there the worker keeps its priority.
import { setPriority } from 'node:os';
import type { Logger } from '../../common/log/logger';

/** A nice value: the worker still gets most of a core the main thread leaves idle, as it mostly does. */
export const SYNC_WORKER_NICE = 10;

/** Call from the worker thread itself. */
export function lowerThisThreadsPriority(logger: Logger, platform: NodeJS.Platform = process.platform): boolean {
  if (platform !== 'linux') return false;
  try {
    setPriority(SYNC_WORKER_NICE);
    return true;
  } catch (error) {
    logger.warn("the sync worker could not lower its thread's priority", { error });
    return false;
  }
}
