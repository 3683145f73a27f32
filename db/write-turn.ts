// Whose turn it is to write, between the main thread's connection and the sync worker's, over
// one shared memory word each way. SQLite lets one connection write at a time; a connection that
// finds the lock taken waits in its busy handler, which sleeps in steps of 1, 2, 5, 10… ms and
// can lose the race to a writer that commits and begins again at once. The main thread must not
// wait like that: it runs the window. So:
//   - the worker takes its turn before each write transaction and gives it back after; it does
//     not take it while the main thread wants to write (it waits, which blocks only the worker);
//   - the main thread says it wants to write, waits (woken the moment the worker's transaction
//     ends, never longer than one of them) and writes. The worker keeps its transactions short.
//   - better still, the main thread reserves its turn without blocking (`reserve`, over
//     Atomics.waitAsync): its event loop goes on answering while the worker finishes its
//     transaction, and the writes it then makes synchronously find the turn already theirs. The
//     window's write requests go this way (FrontdeskDb.inWriteTurn); the blocking wait remains
//     for writes that start elsewhere, and is bounded by one worker transaction.
// Both sides check the other's word after setting their own (sequentially consistent atomics),
// so they never both write; SQLite's own locking stays underneath as the guarantee.

const MAIN_WANTS = 0;
const WORKER_WRITES = 1;
/** Waits are cut into slices so a peer that died holding a turn cannot hang the other side. */
const WAIT_SLICE_MS = 50;

export type WriteTurnRole = 'main' | 'worker';

export interface WriteTurn {
  /** The shared words, to hand to the worker (workerData). */
  readonly buffer: SharedArrayBuffer;
  readonly role: WriteTurnRole;
  /** Runs `write` (one transaction, or one writing statement) in this side's turn. */
  hold<T>(write: () => T): T;
  /**
   * The main thread's turn, waited for without blocking its event loop: resolves once the worker
   * is between transactions, and keeps it there until the returned release is called. Writes
   * made meanwhile (synchronously: the worker waits) do not wait. Release at once after them.
   */
  reserve(): Promise<() => void>;
  /** The other side waits to write (only the main thread ever waits for the worker). */
  peerWaiting(): boolean;
  /** The worker is gone (ended or killed, perhaps inside a transaction): its word is cleared. */
  peerGone(): void;
}

export function createWriteTurnBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
}

/**
 * This side's handle on the shared words. `maxWaitMs` bounds how long the main thread waits for
 * a worker transaction before writing anyway (SQLite's busy timeout then applies).
 */
export function writeTurn(buffer: SharedArrayBuffer, role: WriteTurnRole, maxWaitMs = 5_000): WriteTurn {
  const words = new Int32Array(buffer);
  let depth = 0;

  /** Reservations the main thread holds: the worker is between transactions until they end. */
  let reserved = 0;

  function mainHold<T>(write: () => T): T {
    if (reserved > 0) return write();
    Atomics.add(words, MAIN_WANTS, 1);
    try {
      const deadline = performance.now() + maxWaitMs;
      while (Atomics.load(words, WORKER_WRITES) === 1 && performance.now() < deadline) {
        Atomics.wait(words, WORKER_WRITES, 1, WAIT_SLICE_MS);
      }
      return write();
    } finally {
      Atomics.sub(words, MAIN_WANTS, 1);
      Atomics.notify(words, MAIN_WANTS);
    }
  }

  function workerHold<T>(write: () => T): T {
    for (;;) {
      Atomics.store(words, WORKER_WRITES, 1);
      const wants = Atomics.load(words, MAIN_WANTS);
      if (wants === 0) break;
      Atomics.store(words, WORKER_WRITES, 0);
      Atomics.notify(words, WORKER_WRITES);
      Atomics.wait(words, MAIN_WANTS, wants, WAIT_SLICE_MS);
    }
    try {
      return write();
    } finally {
      Atomics.store(words, WORKER_WRITES, 0);
      Atomics.notify(words, WORKER_WRITES);
    }
  }

  async function reserve(): Promise<() => void> {
    if (role !== 'main') throw new Error('only the main thread reserves its write turn');
    // Said first: from here on the worker commits after its batch in progress and does not begin
    // another transaction, so the word below can only go to 0 and stay there.
    Atomics.add(words, MAIN_WANTS, 1);
    const giveUp = (): void => {
      Atomics.sub(words, MAIN_WANTS, 1);
      Atomics.notify(words, MAIN_WANTS);
    };
    try {
      const deadline = performance.now() + maxWaitMs;
      while (Atomics.load(words, WORKER_WRITES) === 1 && performance.now() < deadline) {
        const wait = Atomics.waitAsync(words, WORKER_WRITES, 1, WAIT_SLICE_MS);
        if (wait.async) await wait.value;
      }
    } catch (error) {
      giveUp();
      throw error;
    }
    reserved++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      reserved--;
      giveUp();
    };
  }

  const hold = role === 'main' ? mainHold : workerHold;
  return {
    buffer,
    role,
    reserve,
    peerWaiting: () => role === 'worker' && Atomics.load(words, MAIN_WANTS) > 0,
    peerGone() {
      if (role !== 'main') return;
      Atomics.store(words, WORKER_WRITES, 0);
      Atomics.notify(words, WORKER_WRITES);
    },
    hold<T>(write: () => T): T {
      // A write inside a write already holds the turn.
      if (depth > 0) return write();
      depth++;
      try {
        return hold(write);
      } finally {
        depth--;
      }
    },
  };
}
