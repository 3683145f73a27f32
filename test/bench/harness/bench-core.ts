// The app's core, signed in to a local simulator: the same createCore the shell and the
// browser bridge run, with its database in `dataDir`.
import type { Core, CoreOptions } from '../../../main/core/core';
import { createCore } from '../../../main/core/create-core';
import { memoryCredentialStore } from '../../../main/services/credential-store';
import { silentLogger } from '../../../common/log/logger';
import { systemClock } from '../../../common/time/clock';

/** The simulator's default login. */
const SIMULATOR_LOGIN = { username: 'demo', password: 'demo' };

export async function signedInCore(dataDir: string, baseUrl: string, options: Pick<CoreOptions, 'onSyncWorker'> = {}): Promise<Core> {
  const credentials = memoryCredentialStore('os');
  await credentials.save({ ...SIMULATOR_LOGIN, baseUrl });
  return createCore({ dataDir, clock: systemClock, logger: silentLogger, credentials, historyRefresh: false, ...options });
}

/** Resolves with the time (performance.now) of the next messagesAdded event. */
export function nextMessagesAdded(core: Core): Promise<number> {
  return new Promise((resolve) => {
    const stop = core.events.subscribe((event) => {
      if (event.type !== 'messagesAdded') return;
      stop();
      resolve(performance.now());
    });
  });
}
