import { describe, expect, it, vi } from 'vitest';
import { memoryLogger } from '../../common/log/logger';
import { observeSettings } from '../../main/ipc/observe-settings';
import { fakeHandlers, sampleSettings } from '../main/fake-core';

describe('observeSettings', () => {
  it('passes every saved settings result to the observer and returns it unchanged', async () => {
    const handlers = fakeHandlers();
    const seen = vi.fn();
    const wrapped = observeSettings(handlers, seen, memoryLogger());
    const saved = await wrapped.setSettings({ launchAtLogin: true });
    expect(saved).toEqual(sampleSettings({ launchAtLogin: true }));
    expect(seen).toHaveBeenCalledWith(saved);
    expect(handlers.setSettings).toHaveBeenCalledWith({ launchAtLogin: true });
    expect(wrapped.getSettings).toBe(handlers.getSettings);
  });

  it('does not call the observer when saving failed, and reports the failure', async () => {
    const handlers = fakeHandlers();
    handlers.setSettings.mockRejectedValueOnce(new Error('disk full'));
    const seen = vi.fn();
    await expect(observeSettings(handlers, seen, memoryLogger()).setSettings({ launchAtLogin: true })).rejects.toThrow('disk full');
    expect(seen).not.toHaveBeenCalled();
  });

  it('still reports a successful save when the observer throws, and logs it', async () => {
    const logger = memoryLogger();
    const wrapped = observeSettings(
      fakeHandlers(),
      () => {
        throw new Error('login items unavailable');
      },
      logger,
    );
    await expect(wrapped.setSettings({ launchAtLogin: true })).resolves.toMatchObject({ launchAtLogin: true });
    expect(logger.lines.map((l) => l.level)).toContain('error');
  });
});
