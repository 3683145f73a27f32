// Crash recovery in the shell with Electron faked: a gone renderer is reloaded with the banner
// until five crashes in five minutes; uncaught errors restart sync until the same limit.
import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createCrashPolicy } from '../../main/crash/crash-policy';
import { memoryLogger } from '../../common/log/logger';
import { CORE_GAVE_UP, handleUncaughtErrors, recoverRendererCrashes, RENDERER_GAVE_UP } from '../../main/shell/crash-recovery';
import { crashUploadUrl, startCrashReporter } from '../../main/shell/crash-reporter';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('crash policy', () => {
  it('restarts up to four crashes in five minutes, gives up at the fifth, and forgets older ones', () => {
    let now = 0;
    const policy = createCrashPolicy(() => now);
    for (let i = 0; i < 4; i++) {
      expect(policy.record()).toBe('restart');
      now += 60_000;
    }
    // Four crashes at 0, 1, 2, 3 min; at 5:00 the first has left the window.
    now = 300_000;
    expect(policy.record()).toBe('restart');
    now = 310_000;
    expect(policy.record()).toBe('give_up');
    expect(policy.stopped).toBe(true);
    now = 10 * 60_000;
    expect(policy.record()).toBe('give_up');
    policy.reset();
    expect(policy.record()).toBe('restart');
  });
});

function fakeWindow() {
  const webContents = new EventEmitter();
  return { webContents, isDestroyed: () => false } as unknown as BrowserWindow & { webContents: EventEmitter };
}

describe('renderer crashes', () => {
  it('reloads the window after a crash, not after a clean exit, and stops after five in five minutes', () => {
    let now = 0;
    const window = fakeWindow();
    const reload = vi.fn();
    const gaveUp = vi.fn();
    const logger = memoryLogger();
    const undo = recoverRendererCrashes({ window, policy: createCrashPolicy(() => now), reload, gaveUp, logger });
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(reload).not.toHaveBeenCalled();
    for (let i = 0; i < 4; i++) {
      window.webContents.emit('render-process-gone', {}, { reason: i % 2 ? 'oom' : 'crashed', exitCode: 139 });
      now += 30_000;
    }
    expect(reload).toHaveBeenCalledTimes(4);
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(reload).toHaveBeenCalledTimes(4);
    expect(gaveUp).toHaveBeenCalledWith(RENDERER_GAVE_UP);
    expect(logger.lines.filter((l) => l.message === 'the window renderer is gone').at(-1)?.fields).toMatchObject({ reason: 'crashed', verdict: 'give_up', crashesInWindow: 5 });
    undo();
    expect(window.webContents.listenerCount('render-process-gone')).toBe(0);
  });
});

describe('uncaught errors in the main process', () => {
  it('logs each with its context and restarts sync, then stops it at the fifth in five minutes', () => {
    const proc = new EventEmitter();
    const restartSync = vi.fn();
    const gaveUp = vi.fn();
    const logger = memoryLogger();
    const undo = handleUncaughtErrors({ process: proc as unknown as NodeJS.Process, policy: createCrashPolicy(() => 0), restartSync, gaveUp, logger });
    proc.emit('uncaughtException', new TypeError('x is undefined'), 'uncaughtException');
    proc.emit('unhandledRejection', new Error('db closed'));
    expect(restartSync).toHaveBeenCalledTimes(2);
    expect(logger.lines[0]).toMatchObject({ level: 'error', message: 'an error escaped the core', fields: { kind: 'uncaughtException', origin: 'uncaughtException' } });
    expect(String(logger.lines[0]?.fields['stack'])).toContain('TypeError: x is undefined');
    for (let i = 0; i < 3; i++) proc.emit('uncaughtException', new Error('again'), 'uncaughtException');
    expect(restartSync).toHaveBeenCalledTimes(4);
    expect(gaveUp).toHaveBeenCalledWith(CORE_GAVE_UP);
    undo();
    expect(proc.listenerCount('uncaughtException') + proc.listenerCount('unhandledRejection')).toBe(0);
  });
});

describe('crash reporter', () => {
  it('keeps dumps local by default and uploads only to an https collector the user named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-crash-'));
    try {
      const logger = memoryLogger();
      expect(crashUploadUrl(dir, {}, logger)).toBeNull();
      const start = vi.fn();
      startCrashReporter({ start }, null, logger);
      expect(start).toHaveBeenCalledWith(expect.objectContaining({ uploadToServer: false, submitURL: '' }));

      writeFileSync(join(dir, 'crash-reports.json'), JSON.stringify({ uploadUrl: 'https://crashes.example.org/api/1/minidump/?sentry_key=abc' }));
      const url = crashUploadUrl(dir, {}, logger);
      expect(url).toBe('https://crashes.example.org/api/1/minidump/?sentry_key=abc');
      startCrashReporter({ start }, url, logger);
      expect(start).toHaveBeenLastCalledWith(expect.objectContaining({ uploadToServer: true, submitURL: url }));
      // The log names the collector's origin, never its key.
      expect(JSON.stringify(logger.lines)).not.toContain('sentry_key');

      writeFileSync(join(dir, 'crash-reports.json'), JSON.stringify({ uploadUrl: 'http://crashes.example.org/' }));
      expect(crashUploadUrl(dir, {}, logger)).toBeNull();
      expect(crashUploadUrl(dir, { FRONTDESK_CRASH_REPORT_URL: 'https://c.example.net/submit' }, logger)).toBe('https://c.example.net/submit');
      expect(crashUploadUrl(dir, { FRONTDESK_CRASH_REPORT_URL: 'ftp://c.example.net/' }, logger)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
