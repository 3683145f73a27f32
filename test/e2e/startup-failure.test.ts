// Frontdesk cannot open its database (here: a folder stands where the file should be). The window
// still opens, in Chromium, and says why in plain words instead of showing an empty inbox.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/create-core';
import { memoryCredentialStore } from '../../main/services/credential-store';
import { createStartupFailureCore } from '../../main/core/startup-failure-core';
import { noticeForStartupFailure } from '../../main/services/startup-notice';
import { memoryLogger } from '../../common/log/logger';
import { systemClock } from '../../common/time/clock';
import { startBridge } from './bridge/bridge-server';
import { browserSuite } from './harness/browser-suite';
import { builtRendererDir } from './harness/renderer-build';
import { saveScreenshot } from './harness/screenshots';

async function startFailedApp() {
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-failed-'));
  mkdirSync(join(dataDir, 'frontdesk.sqlite'));
  // What main/index.ts does when createCore throws.
  const error = await createCore({ dataDir, clock: systemClock, logger: memoryLogger('e2e'), credentials: memoryCredentialStore() }).then(
    () => null,
    (e: unknown) => e,
  );
  if (error === null) throw new Error('createCore was expected to fail');
  const core = createStartupFailureCore(noticeForStartupFailure(error, join(dataDir, 'logs')));
  const bridge = await startBridge({ core, rendererDir: builtRendererDir(), logger: memoryLogger('bridge') });
  return {
    bridge,
    close: async () => {
      await bridge.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const opened = browserSuite(startFailedApp, {
  timeZone: () => 'UTC',
  landmark: (page) => page.getByRole('alert', { name: 'Frontdesk could not start' }),
});

describe('a start-up that fails', () => {
  it('shows the reason in the window, in plain words', async () => {
    const { page } = opened().win;
    const alert = page.getByRole('alert', { name: 'Frontdesk could not start' });
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('there is a folder with that name');
    expect(text).toContain('Rename or move that folder');
    expect(text).not.toMatch(/SQLITE|EISDIR|errno/);
    expect(await page.getByRole('main', { name: 'Conversations' }).count()).toBe(0);
    await saveScreenshot(page, 'startup-failure');
  });
});
