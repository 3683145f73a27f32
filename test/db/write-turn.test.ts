// The write turn between the main thread's connection and the sync worker's (db/write-turn.ts),
// with a real second thread on the other side: the main thread's write waits for the worker's
// transaction to end, the worker does not begin one while the main thread wants to write, and a
// worker that died holding its turn holds up nothing once the main thread says it is gone.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createWriteTurnBuffer, writeTurn } from '../../db';

const MAIN_WANTS = 0;
const WORKER_WRITES = 1;

/** Another thread that sets word `index` to 1, holds it `ms`, writes `mark` into the word after the turn's two, then sets it back to 0. */
function holder(buffer: SharedArrayBuffer, index: number, ms: number, mark: number): Promise<void> {
  const worker = new Worker(
    `const { workerData: d, parentPort } = require('node:worker_threads');
     const words = new Int32Array(d.buffer);
     Atomics.store(words, d.index, 1);
     parentPort.postMessage('holding');
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, d.ms);
     Atomics.store(words, 2, d.mark);
     Atomics.store(words, d.index, 0);
     Atomics.notify(words, d.index);`,
    { eval: true, workerData: { buffer, index, ms, mark } },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
}

/**
 * Another thread that holds the worker's word until the test says so (word 2 set to 1), then sets
 * word 3 to `mark` and gives its turn back.
 */
function heldUntilReleased(buffer: SharedArrayBuffer, mark: number): Promise<{ release(): void }> {
  const worker = new Worker(
    `const { workerData: d, parentPort } = require('node:worker_threads');
     const words = new Int32Array(d.buffer);
     Atomics.store(words, 1, 1);
     parentPort.postMessage('holding');
     while (Atomics.load(words, 2) === 0) Atomics.wait(words, 2, 0, 1000);
     Atomics.store(words, 3, d.mark);
     Atomics.store(words, 1, 0);
     Atomics.notify(words, 1);`,
    { eval: true, workerData: { buffer, mark } },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', () =>
      resolve({
        release() {
          Atomics.store(new Int32Array(buffer), 2, 1);
          Atomics.notify(new Int32Array(buffer), 2);
        },
      }),
    );
    worker.once('error', reject);
  });
}

const buffer3 = (): SharedArrayBuffer => {
  // The turn's two words, and a third the other thread marks its work done in.
  const b = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
  expect(createWriteTurnBuffer().byteLength).toBe(2 * Int32Array.BYTES_PER_ELEMENT);
  return b;
};

describe('the write turn', () => {
  it("makes the main thread's write wait for the worker's transaction to end", async () => {
    const buffer = buffer3();
    await holder(buffer, WORKER_WRITES, 150, 7);
    const seen = writeTurn(buffer, 'main').hold(() => new Int32Array(buffer)[2]);
    expect(seen).toBe(7);
    expect(new Int32Array(buffer)[MAIN_WANTS]).toBe(0);
  });

  it('keeps the worker from beginning a transaction while the main thread wants to write', async () => {
    const buffer = buffer3();
    await holder(buffer, MAIN_WANTS, 150, 9);
    const turn = writeTurn(buffer, 'worker');
    expect(turn.peerWaiting()).toBe(true);
    const seen = turn.hold(() => new Int32Array(buffer)[2]);
    expect(seen).toBe(9);
    expect(turn.peerWaiting()).toBe(false);
    expect(new Int32Array(buffer)[WORKER_WRITES]).toBe(0);
  });

  it("reserves the main thread's turn without blocking its event loop, and keeps the worker out until released", async () => {
    const buffer = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);
    const words = new Int32Array(buffer);
    const worker = await heldUntilReleased(buffer, 5);
    const turn = writeTurn(buffer, 'main');
    let granted = false;
    const reservation = turn.reserve().then((release) => {
      granted = true;
      return release;
    });
    expect(words[MAIN_WANTS]).toBe(1); // said at once: the worker commits after its batch in progress
    // The event loop goes on while the worker writes: timers run, the reservation waits.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(granted).toBe(false);
    worker.release();
    const release = await reservation;
    expect(words[3]).toBe(5); // granted only after the worker's transaction ended
    expect(words[WORKER_WRITES]).toBe(0);
    // Writes made in the reservation do not wait, and the worker stays out until it ends.
    expect(turn.hold(() => 'written')).toBe('written');
    expect(writeTurn(buffer, 'worker').peerWaiting()).toBe(true);
    release();
    release(); // a second release changes nothing
    expect(words[MAIN_WANTS]).toBe(0);
    expect(writeTurn(buffer, 'worker').peerWaiting()).toBe(false);
  });

  it('grants a reservation at once when the worker is between transactions', async () => {
    const buffer = createWriteTurnBuffer();
    const turn = writeTurn(buffer, 'main');
    const release = await turn.reserve();
    expect(new Int32Array(buffer)[MAIN_WANTS]).toBe(1);
    release();
    expect(new Int32Array(buffer)[MAIN_WANTS]).toBe(0);
    await expect(writeTurn(buffer, 'worker').reserve()).rejects.toThrow(/only the main thread/);
  });

  it('lets the main thread write at once after a worker that died inside its transaction is declared gone', () => {
    const buffer = buffer3();
    new Int32Array(buffer)[WORKER_WRITES] = 1; // a worker killed in the middle of a transaction
    const turn = writeTurn(buffer, 'main');
    turn.peerGone();
    expect(new Int32Array(buffer)[WORKER_WRITES]).toBe(0);
    expect(turn.hold(() => 'written')).toBe('written');
  });
});
