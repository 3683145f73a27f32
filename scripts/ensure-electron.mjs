// `npm install` never downloads the Electron binary (electron >= 42 fetches it lazily).
// start / dev / dist need it: fetch it now, and say plainly what failed without a network.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');

if (existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()))) {
  process.exit(0);
}

console.log('Frontdesk: downloading the Electron binary (needed once, for start, dev and dist)…');
const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
if (result.status !== 0) {
  console.error(
    [
      '',
      'Frontdesk: could not download the Electron binary. It is fetched from the internet the first',
      'time you run `npm start`, `npm run dev` or `npm run dist`; this machine could not reach it.',
      'Everything else works offline: `npm test` runs every test, and `npm run dev:browser` opens the',
      'real UI in a browser against the built-in ClubOS simulator.',
    ].join('\n'),
  );
  process.exit(1);
}
