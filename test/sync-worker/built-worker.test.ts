// The sync worker as the production build ships it (out/main/sync-worker.js, built by
// `electron-vite build`, which `npm test` runs before the tests): it loads under plain Node
// without TypeScript or Electron as a process of its own, lowers its priority, opens its
// connection, answers the engine calls and closes its connection on `close`.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createWriteTurnFile, openDatabase, removeWriteTurnFile } from '../../db';
import { silentLogger } from '../../common/log/logger';
import { systemClock } from '../../common/time/clock';
import { syncWorkerScript } from '../../main/sync-worker/worker-script';
import type { FromWorker, SyncWorkerData } from '../../main/sync-worker/protocol';
import { forkWorkerProcess } from '../../main/sync-worker/worker-process';
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

    const writeTurnPath = createWriteTurnFile();
    cleanups.push(() => removeWriteTurnFile(writeTurnPath));
    const data: SyncWorkerData = { dbPath, intervalSeconds: 10, polling: false, writeTurnPath };
    const worker = forkWorkerProcess({ filename: join(OUT_MAIN, 'sync-worker.js'), execArgv: [], data: JSON.stringify(data) });
    const exited = new Promise<number | null>((resolve) => worker.onExit(resolve));
    cleanups.push(() => worker.kill());
    const replies = new Map<number, (m: FromWorker) => void>();
    worker.onMessage((m) => {
      if (m.type === 'reply') replies.get(m.id)?.(m);
    });
    const call = (id: number, method: string): Promise<FromWorker> =>
      new Promise((resolve) => {
        replies.set(id, resolve);
        worker.post({ type: 'call', id, method, args: [] } as never);
      });

    expect(await call(1, 'refreshOwners')).toEqual({ type: 'reply', id: 1, ok: true, value: { polling: false, intervalSeconds: 10, owners: [] } });
    // Every thread of it runs below normal priority (niceness 10 on Linux, or lower if it started lower).
    if (process.platform === 'linux') {
      const pid = worker.pid!;
      const tasks = readdirSync(`/proc/${pid}/task`);
      expect(tasks.length).toBeGreaterThan(1);
      for (const tid of tasks) expect(Number(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16])).toBeGreaterThanOrEqual(10);
    }
    expect(await call(2, 'close')).toEqual({ type: 'reply', id: 2, ok: true, value: null });
    // Its connection is closed: the database opens for writing at once, and the host then ends it.
    const { db: again } = openDatabase(dbPath, { logger: silentLogger, clock: systemClock });
    again.close();
    worker.kill();
    expect(await exited).toBeNull();
  });
});
