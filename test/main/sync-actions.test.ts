import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../common/log/logger';
import { createSyncActions } from '../../main/shell/sync-actions';
import { fakeHandlers } from './fake-core';

describe('createSyncActions', () => {
  it('syncs every owner now', () => {
    const handlers = fakeHandlers();
    createSyncActions({ handlers, isPolling: () => true, logger: memoryLogger() }).syncNow();
    expect(handlers.syncNow).toHaveBeenCalledWith({});
  });

  it('pauses when polling and resumes when paused', () => {
    const handlers = fakeHandlers();
    let polling = true;
    const actions = createSyncActions({ handlers, isPolling: () => polling, logger: memoryLogger() });
    actions.togglePolling();
    expect(handlers.stopPolling).toHaveBeenCalledTimes(1);
    expect(handlers.startPolling).not.toHaveBeenCalled();
    polling = false;
    actions.togglePolling();
    expect(handlers.startPolling).toHaveBeenCalledTimes(1);
  });

  it('logs a failure instead of leaving a rejected promise', async () => {
    const handlers = fakeHandlers();
    const logger = memoryLogger();
    handlers.syncNow.mockRejectedValueOnce(new Error('offline'));
    createSyncActions({ handlers, isPolling: () => true, logger }).syncNow();
    await Promise.resolve();
    await Promise.resolve();
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: 'sync now failed' }));
  });
});
