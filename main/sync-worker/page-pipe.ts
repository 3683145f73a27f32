// The main thread's end of an inbox page on its way to the sync worker. The page's bytes arrive
// from ClubOS in chunks that belong to the HTTP client (Node Buffers can be views into a pool or
// into the socket's read buffer, which must never be moved or cloned whole), so each is copied
// into a buffer of the pipe's own, and every full buffer is moved (transferred) to the worker,
// which holds it only while it reads it. The main thread keeps at most one buffer being filled.
//
// The worker says how much it has read and moves the buffer back (PageRead); the pipe fills it
// again. A page then costs the few buffers of one window, not a new one per 64 KB: every new
// buffer is memory V8 counts toward collecting (a first import's page is 30 MB or more), and the
// worker's buffers were garbage to collect once read. The pipe stops taking chunks while more
// than PIPE_WINDOW_BYTES are unread, so the transport stops reading the socket and TCP holds
// ClubOS back: a worker slower than the network never has the page queued up whole in its port.
import type { PageBytes } from './protocol';
import type { RpcPort } from './rpc';

export const PIPE_BUFFER_BYTES = 64 * 1024;
export const PIPE_WINDOW_BYTES = 1024 * 1024;

export interface PagePipe {
  /** Takes a chunk (copied; the caller may reuse it); resolves when the worker can take more. */
  write(chunk: Uint8Array): Promise<void>;
  /** Sends what is left; the page's bytes are then all in the port, before the call's reply. */
  flush(): void;
  /** The worker read `bytes` more, and gave back the buffer they came in (null: it kept it). */
  read(bytes: number, buffer: ArrayBuffer | null): void;
}

/** `signal`: the call was cancelled or the worker is gone; a write waiting for room fails with it. */
export function createPagePipe(port: RpcPort, stream: number, signal: AbortSignal): PagePipe {
  let buffer: Uint8Array | null = null;
  /** Buffers the worker gave back, to be filled again; never more than a window's worth. */
  const spare: ArrayBuffer[] = [];
  let filled = 0;
  let unread = 0;
  let wake: (() => void) | null = null;
  const wakeUp = (): void => {
    wake?.();
    wake = null;
  };
  signal.addEventListener('abort', wakeUp, { once: true });

  function send(): void {
    if (!buffer || filled === 0) return;
    const bytes = filled === buffer.byteLength ? buffer : buffer.subarray(0, filled);
    buffer = null;
    filled = 0;
    const message: PageBytes = { type: 'pageBytes', stream, bytes };
    port.postMessage(message, [bytes.buffer as ArrayBuffer]);
    unread += bytes.byteLength;
  }

  async function room(): Promise<void> {
    for (;;) {
      signal.throwIfAborted();
      if (unread <= PIPE_WINDOW_BYTES) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }

  return {
    async write(chunk) {
      signal.throwIfAborted();
      for (let at = 0; at < chunk.byteLength; ) {
        buffer ??= new Uint8Array(spare.pop() ?? new ArrayBuffer(PIPE_BUFFER_BYTES));
        const n = Math.min(PIPE_BUFFER_BYTES - filled, chunk.byteLength - at);
        buffer.set(chunk.subarray(at, at + n), filled);
        filled += n;
        at += n;
        if (filled === PIPE_BUFFER_BYTES) {
          send();
          await room();
        }
      }
    },
    flush() {
      signal.throwIfAborted();
      send();
    },
    read(bytes, returned) {
      if (returned?.byteLength === PIPE_BUFFER_BYTES && spare.length < PIPE_WINDOW_BYTES / PIPE_BUFFER_BYTES) spare.push(returned);
      unread -= bytes;
      if (unread <= PIPE_WINDOW_BYTES) wakeUp();
    },
  };
}
