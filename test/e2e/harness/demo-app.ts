// The real core with no stored credentials: demo mode, against its own built-in simulator.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../../../main/core/core';
import { createCore } from '../../../main/core/create-core';
import { memoryCredentialStore } from '../../../main/services/credential-store';
import { memoryLogger } from '../../../common/log/logger';
import { systemClock } from '../../../common/time/clock';
import { startBridge, type Bridge } from '../bridge/bridge-server';
import { builtRendererDir } from './renderer-build';

export interface DemoApp {
  core: Core;
  bridge: Bridge;
  close(): Promise<void>;
}

export async function startDemoApp(options: { seed: number; historyDays: number; prepareDataDir?: (dataDir: string) => void }): Promise<DemoApp> {
  const rendererDir = builtRendererDir();
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-demo-'));
  options.prepareDataDir?.(dataDir);
  const cleanups: Array<() => Promise<void> | void> = [() => rmSync(dataDir, { recursive: true, force: true })];
  const close = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    // No live messages: what the demo shows is decided by the seed alone.
    const core = await createCore({
      dataDir,
      clock: systemClock,
      logger: memoryLogger('e2e'),
      credentials: memoryCredentialStore(),
      demo: { seed: options.seed, historyDays: options.historyDays },
    });
    cleanups.push(() => core.close());
    const bridge = await startBridge({ core, rendererDir, logger: memoryLogger('bridge') });
    cleanups.push(() => bridge.close());
    await core.start();
    // The first poll (the demo's history) runs in the sync worker, which takes a moment to load:
    // Sync now joins it, so the window opens on the imported history.
    await core.services.sync.syncNow();
    return { core, bridge, close };
  } catch (error) {
    await close();
    throw error;
  }
}
