// Proves electron-builder.yml packs what runs, offline: builds the unpacked Linux app against a
// stand-in Electron distribution (the real binary cannot be downloaded here) and lists the asar.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fake = mkdtempSync(join(tmpdir(), 'frontdesk-electron-dist-'));
mkdirSync(join(fake, 'resources'));
mkdirSync(join(fake, 'locales'));
// electron-builder flips fuses in the binary's fuse wire: a sentinel, the wire version (1), its
// length and one byte per fuse ('0' off, '1' on). The stand-in carries an all-off wire.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = 9;
writeFileSync(join(fake, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n' + SENTINEL), Buffer.from([1, FUSES]), Buffer.from('0'.repeat(FUSES))]));
chmodSync(join(fake, 'electron'), 0o755);
writeFileSync(join(fake, 'version'), JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version);
writeFileSync(join(fake, 'LICENSE'), 'stand-in');
writeFileSync(join(fake, 'LICENSES.chromium.html'), 'stand-in');

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, npm_config_nodedir: '' } });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
  }
  return r.stdout;
};
try {
  rmSync('dist/linux-unpacked', { recursive: true, force: true });
  run('npx', ['electron-builder', '--linux', 'dir', `--config.electronDist=${fake}`, '--publish', 'never']);
  const listing = run('npx', ['asar', 'list', 'dist/linux-unpacked/resources/app.asar']).split('\n');
  const must = [
    '/out/main/index.js',
    // Started by the main process as a worker thread (main/sync-worker/worker-script.ts).
    '/out/main/sync-worker.js',
    '/out/preload/index.js',
    '/out/renderer/index.html',
    '/package.json',
    '/node_modules/better-sqlite3/package.json',
    '/node_modules/electron-updater/package.json',
  ];
  const missing = must.filter((p) => !listing.includes(p));
  const forbidden = listing.filter((p) => /^\/(main|renderer|preload|db|test)\//.test(p) || /better-sqlite3\/(src|deps)\//.test(p) || /node_modules\/(react|react-dom|zustand|vitest)\//.test(p));
  if (missing.length || forbidden.length) {
    console.error({ missing, forbidden: forbidden.slice(0, 20) });
    process.exit(1);
  }
  // The auto-update feed electron-updater reads: electron-builder.yml's `publish`, over https.
  const updateConfig = readFileSync('dist/linux-unpacked/resources/app-update.yml', 'utf8');
  if (!/^provider: generic$/m.test(updateConfig) || !/^url: https:\/\//m.test(updateConfig)) {
    console.error(`app-update.yml is not a generic https feed:\n${updateConfig}`);
    process.exit(1);
  }
  // Fuse order (@electron/fuses FuseV1Options): RunAsNode, EnableCookieEncryption,
  // EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
  // EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar, LoadBrowserProcessSpecificV8Snapshot,
  // GrantFileProtocolExtraPrivileges.
  const bin = readFileSync('dist/linux-unpacked/frontdesk-inbox');
  const at = bin.indexOf(SENTINEL) + SENTINEL.length + 2;
  const wire = bin.subarray(at, at + 8).toString('latin1');
  if (wire !== '01001100') {
    console.error(`fuse wire is ${wire}, expected 01001100`);
    process.exit(1);
  }
  console.log(`packaging: fuses ${wire} (runAsNode off, cookie encryption on, NODE_OPTIONS and inspect off, asar integrity on, asar only)`);
  console.log(`packaging: app.asar holds ${listing.length} entries; bundles, the native module and electron-updater present, sources and dev-only libraries absent`);
  console.log('packaging: app-update.yml names a generic https feed');
} finally {
  rmSync(fake, { recursive: true, force: true });
}
