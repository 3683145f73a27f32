import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryLogger } from '../../common/log/logger';
import { systemTimers } from '../../common/time/timers';
import { watchAppStatus } from '../../main/shell/app-status';
import { conversationUpdatedEvent, fakeCore, messagesAddedEvent, sampleAccount, sampleConversation, sampleSyncStatus } from './fake-core';

describe('watchAppStatus', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts from the core’s sync status and account', async () => {
    const core = fakeCore();
    core.setUnread(4);
    const status = watchAppStatus({ core, timers: systemTimers, logger: memoryLogger() });
    const seen = vi.fn();
    status.subscribe(seen);
    await status.refresh();
    expect(seen).toHaveBeenCalledTimes(1);
    expect(status.current()).toEqual({ unread: 4, sync: sampleSyncStatus(), account: sampleAccount() });
  });

  it('coalesces a burst of events into one update with the fresh unread total', async () => {
    const core = fakeCore();
    const status = watchAppStatus({ core, timers: systemTimers, logger: memoryLogger(), coalesceMs: 150 });
    const seen = vi.fn();
    status.subscribe(seen);
    for (let i = 0; i < 200; i++) core.events.emit(conversationUpdatedEvent(sampleConversation({ id: i + 1 })));
    core.events.emit(messagesAddedEvent([sampleConversation()], { count: 1 }));
    core.events.emit({ type: 'syncStatusChanged', status: sampleSyncStatus({ polling: false }) });
    core.events.emit({ type: 'accountChanged', account: sampleAccount({ mode: 'signed_in', username: 'frontdesk' }) });
    core.setUnread(12);
    expect(seen).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(150);
    expect(seen).toHaveBeenCalledTimes(1);
    expect(status.current()).toMatchObject({ unread: 12, sync: { polling: false }, account: { mode: 'signed_in' } });
  });

  it('ignores ui commands, and stops after dispose', async () => {
    const core = fakeCore();
    const status = watchAppStatus({ core, timers: systemTimers, logger: memoryLogger() });
    const seen = vi.fn();
    status.subscribe(seen);
    core.events.emit({ type: 'uiCommand', command: 'showHelp' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).not.toHaveBeenCalled();
    core.events.emit({ type: 'syncStatusChanged', status: sampleSyncStatus() });
    status.dispose();
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).not.toHaveBeenCalled();
  });

  it('keeps serving other listeners when one throws', async () => {
    const core = fakeCore();
    const logger = memoryLogger();
    const status = watchAppStatus({ core, timers: systemTimers, logger });
    const good = vi.fn();
    status.subscribe(() => {
      throw new Error('tray destroyed');
    });
    status.subscribe(good);
    await status.refresh();
    expect(good).toHaveBeenCalled();
    expect(logger.lines.some((l) => l.level === 'error')).toBe(true);
  });
});
