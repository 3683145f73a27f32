// Forwards every core event to the window on EVENT_CHANNEL. Events raised before the renderer
// finished loading wait in a bounded queue; if it overflows, the oldest go and the renderer sees a
// sequence gap, which already means "refetch".
import { EVENT_CHANNEL, type AppEvent } from '../../common/contract';
import type { EventBus } from '../../common/event-bus';

/** The part of Electron's `WebContents` this module uses. */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: AppEvent): void;
  once(event: 'did-finish-load', listener: () => void): unknown;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface PushOptions {
  maxQueued?: number;
}

/** Starts forwarding; the returned function stops it. Stops by itself when the contents are destroyed. */
export function pushEvents(events: Pick<EventBus, 'subscribe'>, contents: EventTarget, { maxQueued = 1000 }: PushOptions = {}): () => void {
  let loaded = false;
  let queue: AppEvent[] = [];
  const send = (event: AppEvent): void => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  };
  const unsubscribe = events.subscribe((event) => {
    if (loaded) {
      send(event);
      return;
    }
    queue.push(event);
    if (queue.length > maxQueued) queue.shift();
  });
  contents.once('did-finish-load', () => {
    loaded = true;
    const pending = queue;
    queue = [];
    for (const event of pending) send(event);
  });
  const stop = (): void => {
    unsubscribe();
    queue = [];
  };
  contents.once('destroyed', stop);
  return stop;
}
