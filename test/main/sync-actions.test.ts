import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../common/log/logger';
import { createSyncActions } from '../../main/shell/sync-actions';
import { fakeServices } from './fake-core';

describe('createSyncActions', () => {
  it('syncs every owner now', () => {
    const { sync } = fakeServices();
    createSyncActions({ sync, isPolling: () => true, logger: memoryLogger() }).syncNow();
    expect(sync.syncNow).toHaveBeenCalledWith();
  });

  it('pauses when polling and resumes when paused', () => {
    const { sync } = fakeServices();
    let polling = true;
    const actions = createSyncActions({ sync, isPolling: () => polling, logger: memoryLogger() });
    actions.togglePolling();
    expect(sync.stopPolling).toHaveBeenCalledTimes(1);
    expect(sync.startPolling).not.toHaveBeenCalled();
    polling = false;
    actions.togglePolling();
    expect(sync.startPolling).toHaveBeenCalledTimes(1);
  });

  it('logs a failure instead of leaving a rejected promise', async () => {
    const { sync } = fakeServices();
    const logger = memoryLogger();
    sync.syncNow.mockRejectedValueOnce(new Error('offline'));
    createSyncActions({ sync, isPolling: () => true, logger }).syncNow();
    await Promise.resolve();
    await Promise.resolve();
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: 'sync now failed' }));
  });
});
