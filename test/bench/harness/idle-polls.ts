// Times idle polls: each must come back clean (no error, nothing added); the first warms up.
import type { SyncEngine } from '../../../main/sync/sync-engine';
import { BENCH_OWNER_ID } from './bench-constants';

/** `runs` timed `syncNow` calls after one untimed warm-up, in milliseconds. */
export async function timeIdlePolls(engine: Pick<SyncEngine, 'syncNow'>, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let run = -1; run < runs; run++) {
    const started = performance.now();
    const status = await engine.syncNow(BENCH_OWNER_ID);
    const elapsed = performance.now() - started;
    const owner = status.owners[0];
    if (!owner || owner.lastError !== null || owner.addedLastPoll !== 0) throw new Error(`an idle poll did not come back clean: ${JSON.stringify(owner)}`);
    if (run >= 0) samples.push(elapsed);
  }
  return samples;
}
