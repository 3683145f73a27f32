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

/** This file's folder: `__dirname` in the CommonJS the app and tsx run; a bundle into one ES module has none. */
const here = typeof __dirname === 'string' ? __dirname : null;

export function syncWorkerScript(dir: string | null = here): WorkerScript {
  if (dir === null) throw new Error("the sync worker's file cannot be found from this build (no __dirname); build the core with syncIn: 'main'");
  const built = join(dir, BUILT_WORKER_FILE);
  if (existsSync(built)) return { filename: built, execArgv: [] };
  const tsx = pathToFileURL(createRequire(join(dir, 'worker-script.ts')).resolve('tsx')).href;
  return { filename: join(dir, 'sync-worker.ts'), execArgv: ['--import', tsx] };
}
