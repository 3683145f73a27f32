// Where the sync worker's code is. The production build (electron-vite, out/main/) bundles it as
// sync-worker.js beside the main process's index.js; run from source (tests, benchmarks, the
// browser bridge) it is this folder's sync-worker.ts, loaded through tsx as the tests are.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface WorkerScript {
  filename: string;
  execArgv: string[];
}

export const BUILT_WORKER_FILE = 'sync-worker.js';

export function syncWorkerScript(dir: string = __dirname): WorkerScript {
  const built = join(dir, BUILT_WORKER_FILE);
  if (existsSync(built)) return { filename: built, execArgv: [] };
  const tsx = pathToFileURL(createRequire(join(dir, 'worker-script.ts')).resolve('tsx')).href;
  return { filename: join(dir, 'sync-worker.ts'), execArgv: ['--import', tsx] };
}
