// A child process of a soak or benchmark as one plain JavaScript file: a restart then costs a Node
// start (about 0.4 s here), not a TypeScript loader compiling the core again (about 2 s), and the
// soaks restart their children dozens of times. bundleCoreAsShipped builds a child that runs the
// core as the installed app does (figure 5 of the benchmark measures the app, not a loader).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BUILT_WORKER_FILE } from '../../main/sync-worker/worker-script';

/** Bundles `source` into `outfile`; `external` packages (native modules) load from node_modules. */
export async function bundleChild(source: string, outfile: string, external: readonly string[]): Promise<void> {
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [source],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: [...external],
    logLevel: 'warning',
    // Bundled CommonJS dependencies call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
  });
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SYNC_WORKER_SOURCE = join(ROOT, 'main', 'sync-worker', 'sync-worker.ts');

/**
 * Bundles `source` the way the production build bundles the main process (electron.vite.config.ts):
 * CommonJS, package.json's runtime `dependencies` left to node_modules (externalizeDeps), and the
 * sync worker as a second entry, `sync-worker.js` beside the entry, where syncWorkerScript() finds
 * it through `__dirname` as it does in out/main/. Returns the entry's bundled file, `<name>.js`.
 */
export async function bundleCoreAsShipped(source: string, outdir: string, name: string): Promise<string> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  mkdirSync(outdir, { recursive: true });
  // The bundles are CommonJS whatever a package.json above them says.
  writeFileSync(join(outdir, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
  await build({
    entryPoints: { [name]: source, [basename(BUILT_WORKER_FILE, '.js')]: SYNC_WORKER_SOURCE },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: Object.keys(pkg.dependencies ?? {}),
    logLevel: 'warning',
  });
  return join(outdir, `${name}.js`);
}
