// The browser tests load the BUILT renderer. A missing or stale build would test yesterday's
// window, so both stop the run with the command that fixes it.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const RENDERER_OUT_DIR = join(REPO_ROOT, 'out/renderer');

/** Source folders the renderer bundle is built from. */
const RENDERER_SOURCES = ['renderer', 'common'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** The built renderer's folder; throws when it is missing or older than its sources. */
export function builtRendererDir(root: string = REPO_ROOT): string {
  const out = join(root, 'out/renderer');
  const fix = 'Build it first: "npx electron-vite build" (npm test does this before running the tests).';
  let builtAt: number;
  try {
    builtAt = statSync(join(out, 'index.html')).mtimeMs;
  } catch {
    throw new Error(`The renderer is not built (${join(out, 'index.html')} is missing). ${fix}`);
  }
  const sourcesAt = Math.max(...RENDERER_SOURCES.map((p) => newestMtime(join(root, p))));
  if (sourcesAt > builtAt) throw new Error(`The built renderer in ${out} is older than its sources. ${fix}`);
  return out;
}
