// `npm run dev:browser`: the real UI in any browser, against the real core in demo mode (the
// built-in ClubOS simulator), for people without the Electron binary. Binds 127.0.0.1 only.
// No top-level await: package.json has no "type": "module", so tsx runs this file as CommonJS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DASHBOARD_SHAPES, type DashboardShape } from '../../../main/clubos-simulator';
import { createCore } from '../../../main/core/create-core';
import { memoryCredentialStore } from '../../../main/services/credential-store';
import { consoleLogger } from '../../../main/log/console-logger';
import { systemClock } from '../../../common/time/clock';
import { startBridge } from './bridge-server';

const DEFAULT_PORT = 5199;

function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number (0–65535), not "${value}"`);
  return port;
}

/** `FRONTDESK_DEMO_DASHBOARD=no-time-zone` (or `other-view-data`): the demo ClubOS serves that dashboard. */
function dashboardShapeFromEnv(value: string | undefined): { dashboardShape?: DashboardShape } {
  if (value === undefined || value === '') return {};
  const shape = DASHBOARD_SHAPES.find((s) => s === value);
  if (!shape) throw new Error(`FRONTDESK_DEMO_DASHBOARD must be one of ${DASHBOARD_SHAPES.join(', ')}, not "${value}"`);
  return { dashboardShape: shape };
}

async function main(): Promise<void> {
  const chosenDir = process.env['FRONTDESK_DATA_DIR'];
  const dataDir = chosenDir ?? mkdtempSync(join(tmpdir(), 'frontdesk-browser-'));
  // A folder this run made up holds only throw-away demo data: remove it when stopping.
  const removeDataDir = (): void => {
    if (chosenDir === undefined) rmSync(dataDir, { recursive: true, force: true });
  };
  const port = portFromEnv(process.env['PORT']);
  const logger = consoleLogger('info');

  const core = await createCore({
    dataDir,
    clock: systemClock,
    logger,
    credentials: memoryCredentialStore('weak'),
    demo: { liveIntervalMs: 20_000, historyDays: 120, ...dashboardShapeFromEnv(process.env['FRONTDESK_DEMO_DASHBOARD']) },
  });
  const bridge = await startBridge({ core, rendererDir: resolve('out/renderer'), logger, port }).catch(async (error: unknown) => {
    await core.close();
    removeDataDir();
    throw error;
  });
  await core.start();
  console.log(`Frontdesk (browser, demo mode) at ${bridge.url}\n  data: ${dataDir}\n  Ctrl+C to stop.`);

  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    bridge
      .close()
      .then(() => core.close())
      .then(removeDataDir)
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Frontdesk did not stop cleanly:', error);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error('Frontdesk (browser) could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
