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
    pipe.read(PIPE_BUFFER_BYTES, null);
    expect(await settled(blocked)).toBe(true);
  });

  it('fills the buffers the worker gives back instead of making new ones, and keeps no more than a window of them', async () => {
    const { port, posted } = fakePort();
    const pipe = createPagePipe(port, 3, new AbortController().signal);
    const piece = (byte: number) => new Uint8Array(PIPE_BUFFER_BYTES).fill(byte);
    await pipe.write(piece(1));
    await pipe.write(piece(2));
    // The worker read both and moved their buffers back (here: the same ArrayBuffers).
    const [first, second] = posted.map((p) => p.message.bytes.buffer as ArrayBuffer);
    pipe.read(PIPE_BUFFER_BYTES, first!);
    pipe.read(PIPE_BUFFER_BYTES, second!);
    await pipe.write(piece(3));
    await pipe.write(piece(4));
    const again = posted.slice(2).map((p) => p.message.bytes);
    expect(again.map((b) => b.buffer)).toEqual([second, first]);
    expect(again.map((b) => b[0])).toEqual([3, 4]);
    // A buffer of another size (a flushed remainder's view is still whole) is not kept.
    const odd = new ArrayBuffer(10);
    pipe.read(0, odd);
    await pipe.write(piece(5));
    expect(posted.at(-1)!.message.bytes.buffer).not.toBe(odd);
    // More buffers given back than a window holds: the surplus is dropped, not hoarded.
    const many = Array.from({ length: PIPE_WINDOW_BYTES / PIPE_BUFFER_BYTES + 4 }, () => new ArrayBuffer(PIPE_BUFFER_BYTES));
    for (const b of many) pipe.read(0, b);
    const reused = new Set<ArrayBufferLike>();
    for (let i = 0; i < many.length; i++) {
      await pipe.write(piece(6));
      reused.add(posted.at(-1)!.message.bytes.buffer);
      pipe.read(PIPE_BUFFER_BYTES, null);
    }
    expect([...reused].filter((b) => many.includes(b as ArrayBuffer))).toHaveLength(PIPE_WINDOW_BYTES / PIPE_BUFFER_BYTES);
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
