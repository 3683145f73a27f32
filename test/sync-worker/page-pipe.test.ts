// The main thread's end of a page on its way to the worker: every piece copied into a buffer of
// the pipe's own and moved, never the caller's chunk or its pool; no more than a window of bytes
// ahead of what the worker said it read; a write waiting for room fails when the call is given up.
import { describe, expect, it } from 'vitest';
import { createPagePipe, PIPE_BUFFER_BYTES, PIPE_WINDOW_BYTES } from '../../main/sync-worker/page-pipe';
import type { PageBytes } from '../../main/sync-worker/protocol';

interface Posted {
  message: PageBytes;
  transfer: readonly unknown[];
}

function fakePort() {
  const posted: Posted[] = [];
  return { posted, port: { postMessage: (message: unknown, transfer: readonly unknown[] = []) => void posted.push({ message: message as PageBytes, transfer }) } };
}

const settled = async (promise: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
};

describe('the page pipe', () => {
  it('copies pieces into buffers of its own, moves each full one, and sends the rest on flush', async () => {
    const { port, posted } = fakePort();
    const pipe = createPagePipe(port, 7, new AbortController().signal);
    // A Node Buffer from the shared pool, as small chunks from a socket can be.
    const pooled = Buffer.from('abc');
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength);
    const big = new Uint8Array(PIPE_BUFFER_BYTES + 100).fill(0x61);
    await pipe.write(pooled);
    await pipe.write(big);
    expect(posted).toHaveLength(1);
    pipe.flush();
    expect(posted).toHaveLength(2);
    const bytes = posted.map((p) => p.message.bytes);
    expect(posted.every((p) => p.message.type === 'pageBytes' && p.message.stream === 7)).toBe(true);
    expect(posted.map((p) => p.transfer)).toEqual(bytes.map((b) => [b.buffer]));
    expect(bytes.every((b) => b.buffer !== pooled.buffer && b.buffer !== big.buffer)).toBe(true);
    expect(Buffer.concat(bytes).toString()).toBe(`abc${'a'.repeat(big.byteLength)}`);
    // The caller's chunks are untouched (not detached).
    expect(pooled.toString()).toBe('abc');
    expect(big.byteLength).toBe(PIPE_BUFFER_BYTES + 100);
  });

  it('waits while more than the window is unread, and goes on when the worker has read', async () => {
    const { port, posted } = fakePort();
    const pipe = createPagePipe(port, 1, new AbortController().signal);
    const piece = new Uint8Array(PIPE_BUFFER_BYTES);
    const buffersInWindow = PIPE_WINDOW_BYTES / PIPE_BUFFER_BYTES;
    for (let i = 0; i < buffersInWindow; i++) expect(await settled(pipe.write(piece))).toBe(true);
    const blocked = pipe.write(piece);
    expect(await settled(blocked)).toBe(false);
    expect(posted).toHaveLength(buffersInWindow + 1);
    pipe.read(PIPE_BUFFER_BYTES);
    expect(await settled(blocked)).toBe(true);
  });

  it('fails a write waiting for room, and every later one, when the call is given up', async () => {
    const { port, posted } = fakePort();
    const abort = new AbortController();
    const pipe = createPagePipe(port, 1, abort.signal);
    const piece = new Uint8Array(PIPE_BUFFER_BYTES);
    for (let i = 0; i < PIPE_WINDOW_BYTES / PIPE_BUFFER_BYTES; i++) await pipe.write(piece);
    const blocked = pipe.write(piece);
    abort.abort(new Error('the worker is gone'));
    await expect(blocked).rejects.toThrow('the worker is gone');
    await expect(pipe.write(piece)).rejects.toThrow('the worker is gone');
    const sent = posted.length;
    expect(() => pipe.flush()).toThrow('the worker is gone');
    expect(posted).toHaveLength(sent);
  });
});
