// The main process's end of a page on its way to the worker: every piece copied into the pipe's
// one buffer and posted (a message copies what it carries, as between processes), never the
// caller's chunk or its pool; no more than a window of bytes ahead of what the worker said it
// read; a write waiting for room fails when the call is given up.
import { describe, expect, it } from 'vitest';
import { createPagePipe, PIPE_BUFFER_BYTES, PIPE_WINDOW_BYTES } from '../../main/sync-worker/page-pipe';
import type { PageBytes } from '../../main/sync-worker/protocol';

/** A port that copies each message as it is posted, as a message to another process is (structured clone). */
function fakePort() {
  const posted: PageBytes[] = [];
  const sent: Uint8Array[] = [];
  return {
    posted,
    sent,
    port: {
      postMessage: (message: unknown) => {
        const m = message as PageBytes;
        sent.push(m.bytes);
        posted.push(structuredClone(m));
      },
    },
  };
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
  it('copies pieces into a buffer of its own, posts it each time it is full, and sends the rest on flush', async () => {
    const { port, posted, sent } = fakePort();
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
    expect(posted.every((p) => p.type === 'pageBytes' && p.stream === 7)).toBe(true);
    expect(posted.map((p) => p.bytes.byteLength)).toEqual([PIPE_BUFFER_BYTES, 103]);
    expect(sent.every((b) => b.buffer !== pooled.buffer && b.buffer !== big.buffer)).toBe(true);
    expect(Buffer.concat(posted.map((p) => p.bytes)).toString()).toBe(`abc${'a'.repeat(big.byteLength)}`);
    // The caller's chunks are untouched.
    expect(pooled.toString()).toBe('abc');
    expect(big.byteLength).toBe(PIPE_BUFFER_BYTES + 100);
  });

  it('fills the same buffer again for every piece: a page costs the main process one buffer', async () => {
    const { port, posted, sent } = fakePort();
    const pipe = createPagePipe(port, 3, new AbortController().signal);
    for (let byte = 1; byte <= 4; byte++) await pipe.write(new Uint8Array(PIPE_BUFFER_BYTES).fill(byte));
    pipe.flush();
    expect(new Set(sent.map((b) => b.buffer)).size).toBe(1);
    expect(posted.map((p) => [p.bytes[0], p.bytes[PIPE_BUFFER_BYTES - 1]])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
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
