// The Electron side of resyncing: powerMonitor's resume and unlock-screen, and the network
// coming back (`net.isOnline()`, checked every few seconds: the main process has no online event).
import type { Net, PowerMonitor } from 'electron';
import { createResyncTrigger, onlineEdges } from '../sync/resync-trigger';
import type { Logger } from '../../common/log/logger';
import type { Timers } from '../../common/time/timers';

export const ONLINE_CHECK_MS = 5_000;

export function resyncOnWake(deps: {
  powerMonitor: Pick<PowerMonitor, 'on' | 'off'>;
  net: Pick<Net, 'isOnline'>;
  syncNow: () => Promise<unknown>;
  isPolling: () => boolean;
  timers: Timers;
  logger: Logger;
}): () => void {
  const trigger = createResyncTrigger(deps);
  const onResume = (): void => trigger.trigger('resume');
  const onUnlock = (): void => trigger.trigger('unlock');
  deps.powerMonitor.on('resume', onResume);
  deps.powerMonitor.on('unlock-screen', onUnlock);
  const check = onlineEdges(() => deps.net.isOnline(), () => trigger.trigger('online'));
  const interval = setInterval(check, ONLINE_CHECK_MS);
  interval.unref();
  return () => {
    clearInterval(interval);
    trigger.dispose();
    deps.powerMonitor.off('resume', onResume);
    deps.powerMonitor.off('unlock-screen', onUnlock);
  };
}
