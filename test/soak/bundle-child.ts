// A child process of a soak or benchmark as one plain JavaScript file: a restart then costs a Node
// start (about 0.4 s here), not a TypeScript loader compiling the core again (about 2 s), and the
// soaks restart their children dozens of times.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';

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
