// The sync worker as the production build ships it (out/main/sync-worker.js, built by
// `electron-vite build`, which `npm test` runs before the tests): it loads under plain Node
// without TypeScript or Electron, opens its connection and answers the engine calls.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createWriteTurnBuffer, openDatabase } from '../../db';
import { silentLogger } from '../../common/log/logger';
import { systemClock } from '../../common/time/clock';
import { syncWorkerScript } from '../../main/sync-worker/worker-script';
import type { FromWorker, SyncWorkerData } from '../../main/sync-worker/protocol';
import { tempDir } from '../sync/sync-rig';

const OUT_MAIN = fileURLToPath(new URL('../../out/main/', import.meta.url));
const built = existsSync(join(OUT_MAIN, 'sync-worker.js'));

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

describe('the built sync worker', () => {
  it('is what the main process starts from out/main, and from source the TypeScript file', () => {
    expect(syncWorkerScript(join(OUT_MAIN, '..', '..', 'main', 'sync-worker'))).toMatchObject({ filename: expect.stringMatching(/sync-worker\.ts$/) as string });
    if (built) expect(syncWorkerScript(OUT_MAIN)).toEqual({ filename: join(OUT_MAIN, 'sync-worker.js'), execArgv: [] });
  });

  it.skipIf(!built)('loads without TypeScript, answers the engine calls and closes cleanly', { timeout: 30_000 }, async () => {
    const dir = tempDir('frontdesk-built-worker-');
    cleanups.push(() => dir.remove());
    const dbPath = join(dir.dir, 'frontdesk.sqlite');
    const { db } = openDatabase(dbPath, { logger: silentLogger, clock: systemClock });
    db.owners.upsert({ ownerId: '187032782', name: 'Alex Morgan', enabled: false });
    db.close();

    const data: SyncWorkerData = { dbPath, intervalSeconds: 10, polling: false, writeTurn: createWriteTurnBuffer() };
    const worker = new Worker(join(OUT_MAIN, 'sync-worker.js'), { workerData: data, execArgv: [] });
    const exited = new Promise<number>((resolve) => worker.on('exit', resolve));
    cleanups.push(() => worker.terminate());
    const replies = new Map<number, (m: FromWorker) => void>();
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'reply') replies.get(m.id)?.(m);
    });
    const call = (id: number, method: string): Promise<FromWorker> =>
      new Promise((resolve) => {
        replies.set(id, resolve);
        worker.postMessage({ type: 'call', id, method, args: [] });
      });

    expect(await call(1, 'refreshOwners')).toEqual({ type: 'reply', id: 1, ok: true, value: { polling: false, intervalSeconds: 10, owners: [] } });
    expect(await call(2, 'close')).toEqual({ type: 'reply', id: 2, ok: true, value: null });
    expect(await exited).toBe(0);
  });
});
