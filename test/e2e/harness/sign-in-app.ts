// The real core in demo mode whose Settings → Account signs in to a ClubOS simulator the test
// controls (the core's ClubOS address points at it), served to the browser by the bridge.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type ClubOSSimulator, type DashboardShape } from '../../../main/clubos-simulator';
import type { Core } from '../../../main/core/core';
import { createCore } from '../../../main/core/create-core';
import { memoryCredentialStore } from '../../../main/services/credential-store';
import { memoryLogger } from '../../../common/log/logger';
import { systemClock } from '../../../common/time/clock';
import { startBridge, type Bridge } from '../bridge/bridge-server';
import { builtRendererDir } from './renderer-build';

export interface SignInApp {
  sim: ClubOSSimulator;
  core: Core;
  bridge: Bridge;
  close(): Promise<void>;
}

export async function startSignInApp(options: { seed: number; dashboardShape: DashboardShape }): Promise<SignInApp> {
  const rendererDir = builtRendererDir();
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-signin-'));
  const cleanups: Array<() => Promise<void> | void> = [() => rmSync(dataDir, { recursive: true, force: true })];
  const close = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    const sim = await startSimulator({
      clock: systemClock,
      seed: options.seed,
      history: { days: 10 },
      members: 60,
      credentials: { username: 'frontdesk', password: 'Club-Pass-1' },
      dashboardShape: options.dashboardShape,
    });
    cleanups.push(() => sim.close());
    const core = await createCore({
      dataDir,
      clock: systemClock,
      logger: memoryLogger('e2e'),
      credentials: memoryCredentialStore(),
      demo: { seed: 5, historyDays: 1 },
      clubosBaseUrl: sim.baseUrl,
    });
    cleanups.push(() => core.close());
    const bridge = await startBridge({ core, rendererDir, logger: memoryLogger('bridge') });
    cleanups.push(() => bridge.close());
    await core.start();
    return { sim, core, bridge, close };
  } catch (error) {
    await close();
    throw error;
  }
}
