// A window needs to see an import move, not every batch: a progress report passes when it is at
// least 1% further than the last one that passed, or when 100 ms went by since then. The first
// report and the end (done = total) always pass, so the bar starts at 0 and ends full.
import type { Clock } from '../../common/time/clock';

export const PROGRESS_INTERVAL_MS = 100;

export type ProgressListener = (done: number, total: number) => void;

export function throttleProgress(clock: Pick<Clock, 'now'>, listener: ProgressListener): ProgressListener {
  let lastDone = -1;
  let lastAt = Number.NEGATIVE_INFINITY;
  return (done, total) => {
    if (done === lastDone) return;
    const now = clock.now();
    const first = lastDone < 0;
    const end = done >= total;
    const farEnough = (done - lastDone) * 100 >= total;
    const lateEnough = now - lastAt >= PROGRESS_INTERVAL_MS;
    if (!first && !end && !farEnough && !lateEnough) return;
    lastDone = done;
    lastAt = now;
    listener(done, total);
  };
}
