import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { memoryLogger } from '../../common/log/logger';
import { systemTimers } from '../../common/time/timers';
import { enableCloseToTray } from '../../main/shell/close-to-tray';
import { DEFAULT_SIZE, initialBounds, readWindowState, trackWindowState, writeWindowState, type WindowState } from '../../main/shell/window-state';

const dir = mkdtempSync(join(tmpdir(), 'frontdesk-window-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = () => join(dir, `state-${++n}.json`);

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1415 };
const state = (bounds: WindowState['bounds']): WindowState => ({ bounds, maximized: false, trayNoticeShown: false });

describe('window state file', () => {
  it('starts fresh when the file is missing or damaged', () => {
    const logger = memoryLogger();
    expect(readWindowState(join(dir, 'missing.json'), logger)).toEqual(state(null));
    const damaged = file();
    writeFileSync(damaged, '{"bounds": ');
    expect(readWindowState(damaged, logger)).toEqual(state(null));
    expect(logger.lines.map((l) => l.level)).toEqual(['warn']);
  });

  it('round-trips, and drops only the fields that are wrong', () => {
    const f = file();
    const saved: WindowState = { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: true, trayNoticeShown: true };
    writeWindowState(f, saved);
    expect(readWindowState(f, memoryLogger())).toEqual(saved);
    writeFileSync(f, JSON.stringify({ bounds: { x: 'left', y: 0, width: 5, height: 5 }, maximized: true, trayNoticeShown: 'yes' }));
    expect(readWindowState(f, memoryLogger())).toEqual({ bounds: null, maximized: true, trayNoticeShown: false });
  });
});

describe('initialBounds', () => {
  it('reuses saved bounds that are on a connected display', () => {
    const onExternal = { x: 2000, y: 100, width: 1200, height: 800 };
    expect(initialBounds(state(onExternal), [laptop, external])).toEqual(onExternal);
  });

  it('keeps only the size when the display the window was on is gone', () => {
    expect(initialBounds(state({ x: 2000, y: 100, width: 1200, height: 800 }), [laptop])).toEqual({ width: 1200, height: 800 });
  });

  it('refuses a position with only a sliver on screen', () => {
    expect(initialBounds(state({ x: 1400, y: 100, width: 1200, height: 800 }), [laptop])).toEqual({ width: 1200, height: 800 });
    expect(initialBounds(state({ x: 100, y: -790, width: 1200, height: 800 }), [laptop])).toEqual({ width: 1200, height: 800 });
  });

  it('uses the default size with nothing saved', () => {
    expect(initialBounds(state(null), [laptop])).toEqual(DEFAULT_SIZE);
  });
});

class FakeWindow extends EventEmitter {
  bounds = { x: 1, y: 2, width: 1000, height: 700 };
  maximized = false;
  hidden = false;
  isDestroyed = () => false;
  getNormalBounds = () => this.bounds;
  isMaximized = () => this.maximized;
  hide = () => {
    this.hidden = true;
  };
}
const asWindow = (w: FakeWindow) => w as unknown as BrowserWindow;

describe('trackWindowState', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves the normal bounds half a second after the last move or resize', async () => {
    const f = file();
    const win = new FakeWindow();
    trackWindowState(asWindow(win), f, state(null), { timers: systemTimers, logger: memoryLogger() });
    win.emit('move');
    win.bounds = { x: 50, y: 60, width: 1000, height: 700 };
    win.emit('resize');
    await vi.advanceTimersByTimeAsync(499);
    expect(readWindowState(f, memoryLogger()).bounds).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(readWindowState(f, memoryLogger()).bounds).toEqual({ x: 50, y: 60, width: 1000, height: 700 });
    win.maximized = true;
    win.emit('maximize');
    win.emit('close');
    expect(readWindowState(f, memoryLogger())).toMatchObject({ maximized: true, bounds: { x: 50 } });
  });

  it('remembers that the tray notice was shown', () => {
    const f = file();
    const tracker = trackWindowState(asWindow(new FakeWindow()), f, state(null), { timers: systemTimers, logger: memoryLogger() });
    tracker.markTrayNoticeShown();
    expect(tracker.state.trayNoticeShown).toBe(true);
    expect(JSON.parse(readFileSync(f, 'utf8'))).toMatchObject({ trayNoticeShown: true });
  });
});

describe('enableCloseToTray', () => {
  it('hides instead of closing, shows the notice once, and lets a real quit through', () => {
    const win = new FakeWindow();
    let quitting = false;
    let noticeShown = false;
    const showTrayNotice = vi.fn(() => {
      noticeShown = true;
    });
    enableCloseToTray(asWindow(win), { isQuitting: () => quitting, trayNoticeShown: () => noticeShown, showTrayNotice });
    const close = () => {
      const event = { preventDefault: vi.fn() };
      win.emit('close', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(close()).toBe(true);
    expect(win.hidden).toBe(true);
    expect(close()).toBe(true);
    expect(showTrayNotice).toHaveBeenCalledTimes(1);
    quitting = true;
    win.hidden = false;
    expect(close()).toBe(false);
    expect(win.hidden).toBe(false);
  });
});
