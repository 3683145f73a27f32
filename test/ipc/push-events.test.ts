import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, type AppEvent } from '../../common/contract';
import { createEventBus } from '../../common/event-bus';
import { pushEvents, type EventTarget } from '../../main/ipc/push-events';

function fakeContents() {
  const once = new Map<string, () => void>();
  const sent: AppEvent[] = [];
  let destroyed = false;
  const contents: EventTarget = {
    isDestroyed: () => destroyed,
    send: vi.fn((channel: string, payload: AppEvent) => {
      expect(channel).toBe(EVENT_CHANNEL);
      sent.push(payload);
    }),
    once: (event: string, listener: () => void) => once.set(event, listener),
  };
  return {
    contents,
    sent,
    fire: (event: 'did-finish-load' | 'destroyed') => once.get(event)?.(),
    destroy: () => {
      destroyed = true;
    },
  };
}

const command = { type: 'uiCommand', command: 'focusSearch' } as const;

describe('pushEvents', () => {
  it('queues events until the renderer has loaded, then sends them in order, then sends directly', () => {
    const bus = createEventBus();
    const c = fakeContents();
    pushEvents(bus, c.contents);
    bus.emit(command);
    bus.emit({ type: 'uiCommand', command: 'showHelp' });
    expect(c.sent).toEqual([]);
    c.fire('did-finish-load');
    expect(c.sent.map((e) => e.seq)).toEqual([1, 2]);
    bus.emit(command);
    expect(c.sent.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('keeps only the newest events when the queue overflows, leaving a sequence gap', () => {
    const bus = createEventBus();
    const c = fakeContents();
    pushEvents(bus, c.contents, { maxQueued: 2 });
    for (let i = 0; i < 5; i++) bus.emit(command);
    c.fire('did-finish-load');
    expect(c.sent.map((e) => e.seq)).toEqual([4, 5]);
  });

  it('skips destroyed contents and stops listening once they are destroyed', () => {
    const bus = createEventBus();
    const c = fakeContents();
    pushEvents(bus, c.contents);
    c.fire('did-finish-load');
    c.destroy();
    bus.emit(command);
    expect(c.contents.send).not.toHaveBeenCalled();
    c.fire('destroyed');
    const listener = vi.fn();
    bus.subscribe(listener);
    bus.emit(command);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(c.contents.send).not.toHaveBeenCalled();
  });

  it('stops forwarding when stopped', () => {
    const bus = createEventBus();
    const c = fakeContents();
    const stop = pushEvents(bus, c.contents);
    c.fire('did-finish-load');
    stop();
    bus.emit(command);
    expect(c.sent).toEqual([]);
  });
});
