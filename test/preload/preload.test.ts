import { describe, expect, it, vi } from 'vitest';
import { channelNames, EVENT_CHANNEL, requestChannel, type AppEvent } from '../../common/contract';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: null }));
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      exposed[key] = api;
    },
  },
  ipcRenderer: {
    invoke,
    on: (channel: string, l: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(l);
    },
    removeListener: (channel: string, l: (...args: unknown[]) => void) => listeners.get(channel)?.delete(l),
  },
}));

await import('../../preload/index');
const api = exposed['frontdesk'] as Record<string, unknown>;

describe('preload', () => {
  it('exposes exactly one function per contract channel plus onEvent, and no ipcRenderer', () => {
    expect(Object.keys(exposed)).toEqual(['frontdesk']);
    expect(Object.keys(api).sort()).toEqual([...channelNames, 'onEvent'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(api).not.toHaveProperty('invoke');
  });

  it('maps each function to its channel', async () => {
    for (const name of channelNames) {
      invoke.mockClear();
      await (api[name] as (a?: unknown) => Promise<unknown>)({});
      expect(invoke).toHaveBeenCalledWith(requestChannel(name), {});
    }
  });

  it('delivers events without the IPC event object and unsubscribes', () => {
    const seen: AppEvent[] = [];
    const off = (api['onEvent'] as (l: (e: AppEvent) => void) => () => void)((e) => seen.push(e));
    const event: AppEvent = { type: 'uiCommand', seq: 1, command: 'focusSearch' };
    for (const l of listeners.get(EVENT_CHANNEL) ?? []) l({ sender: 'ipc internals' }, event);
    expect(seen).toEqual([event]);
    off();
    expect(listeners.get(EVENT_CHANNEL)?.size ?? 0).toBe(0);
  });
});
