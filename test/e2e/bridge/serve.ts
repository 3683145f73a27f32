// `npm run dev:browser`: the real UI in any browser, against the real core in demo mode (the
// built-in ClubOS simulator), for people without the Electron binary. Binds 127.0.0.1 only.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCore } from '../../../main/core/create-core';
import { memoryCredentialStore } from '../../../main/core/credential-store';
import { consoleLogger } from '../../../main/log/console-logger';
import { systemClock } from '../../../main/time/clock';
import { startBridge } from './bridge-server';

const dataDir = process.env['FRONTDESK_DATA_DIR'] ?? mkdtempSync(join(tmpdir(), 'frontdesk-browser-'));
const port = Number(process.env['PORT'] ?? 5199);
const logger = consoleLogger('info');

const core = await createCore({
  dataDir,
  clock: systemClock,
  logger,
  credentials: memoryCredentialStore('weak'),
  demo: { liveIntervalMs: 20_000, historyDays: 120 },
});
const bridge = await startBridge({ core, rendererDir: resolve('out/renderer'), logger, port });
await core.start();
console.log(`Frontdesk (browser, demo mode) at ${bridge.url}\n  data: ${dataDir}\n  Ctrl+C to stop.`);

const shutdown = async (): Promise<void> => {
  await bridge.close();
  await core.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
