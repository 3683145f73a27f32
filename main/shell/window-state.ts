// The window's size and position across launches, in a small JSON file in userData, plus the
// one-time "still running in the tray" notice flag. Saved bounds are used only while they are
// still on a connected display, so a detached monitor never leaves the window off screen.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';
import type { Logger } from '../../common/log/logger';
import type { TimerHandle, Timers } from '../../common/time/timers';
import type { WindowBounds } from './main-window';

const rectangleSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
});

const windowStateSchema = z.object({
  bounds: rectangleSchema.nullable().catch(null),
  maximized: z.boolean().catch(false),
  trayNoticeShown: z.boolean().catch(false),
});

export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_SIZE = { width: 1200, height: 800 } as const;
/** How much of the window must lie on one display for the saved position to be reused. */
const MIN_VISIBLE = { width: 160, height: 80 } as const;

const fresh = (): WindowState => ({ bounds: null, maximized: false, trayNoticeShown: false });

/** The saved state, or a fresh one when the file is missing or unreadable. */
export function readWindowState(file: string, logger: Logger): WindowState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return fresh();
  }
  try {
    return windowStateSchema.parse(JSON.parse(text));
  } catch (error) {
    logger.warn('window state file unreadable; using defaults', { error });
    return fresh();
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, file);
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Where to open the window: the saved bounds when enough of them lie on one of the displays'
 * work areas, else the default size (centred by the OS).
 */
export function initialBounds(state: WindowState, workAreas: readonly Rectangle[]): WindowBounds {
  const saved = state.bounds;
  if (saved === null) return { ...DEFAULT_SIZE };
  const visible = workAreas.some((area) => {
    const o = overlap(saved, area);
    return o.width >= Math.min(MIN_VISIBLE.width, saved.width) && o.height >= Math.min(MIN_VISIBLE.height, saved.height);
  });
  return visible ? { ...saved } : { width: saved.width, height: saved.height };
}

export interface WindowStateTracker {
  readonly state: WindowState;
  /** Records that the close-to-tray notice was shown, so it never shows again. */
  markTrayNoticeShown(): void;
  /** Writes the current bounds now (on quit). */
  save(): void;
}

/** Follows the window's moves and resizes (debounced) and writes them to `file`. */
export function trackWindowState(
  win: BrowserWindow,
  file: string,
  initial: WindowState,
  { timers, logger, debounceMs = 500 }: { timers: Timers; logger: Logger; debounceMs?: number },
): WindowStateTracker {
  let state = initial;
  let timer: TimerHandle | null = null;
  const save = (): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    if (!win.isDestroyed()) {
      // Normal bounds: a maximized window remembers the size it returns to.
      state = { ...state, bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    }
    try {
      writeWindowState(file, state);
    } catch (error) {
      logger.warn('could not save the window state', { error });
    }
  };
  const later = (): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(save, debounceMs);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', later);
  win.on('unmaximize', later);
  win.on('close', save);
  return {
    get state() {
      return state;
    },
    markTrayNoticeShown() {
      state = { ...state, trayNoticeShown: true };
      save();
    },
    save,
  };
}
