// Pushed events with one monotonically increasing sequence number across all event types, so a
// subscriber that sees a gap knows it missed something and refetches.
import type { AppEvent, AppEventInput } from './contract';

export type EventListener = (event: AppEvent) => void;

export interface EventBus {
  emit(event: AppEventInput): AppEvent;
  subscribe(listener: EventListener): () => void;
  /** The sequence number of the last event emitted (0 before any). */
  readonly lastSeq: number;
}

export function createEventBus(onListenerError: (error: unknown) => void = () => {}): EventBus {
  const listeners = new Set<EventListener>();
  let seq = 0;
  return {
    emit(input) {
      const event = { ...input, seq: ++seq };
      for (const listener of [...listeners]) {
        // One failing subscriber (a closed window, a broken notification) never stops the others.
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
      return event;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    get lastSeq() {
      return seq;
    },
  };
}
