// Whose turn it is to write, between the main process's connection and the sync process's, over
// two words in a small file both processes open (the turn file). SQLite lets one connection write
// at a time; a connection that finds the lock taken waits in its busy handler, which sleeps in
// steps of 1, 2, 5, 10… ms and can lose the race to a writer that commits and begins again at
// once. The main process must not wait like that: it runs the window. So:
//   - the sync side takes its turn before each write transaction and gives it back after; it does
//     not take it while the main side wants to write (it waits, which blocks only the sync process);
//   - the main side says it wants to write, waits (never longer than one of the sync side's
//     transactions, which it keeps short) and writes;
//   - better still, the main side reserves its turn without blocking (`reserve`): its event loop
//     goes on answering while the sync side finishes its transaction, and the writes it then
//     makes synchronously find the turn already theirs. The window's write requests go this way
//     (FrontdeskDb.inWriteTurn); the blocking wait remains for writes that start elsewhere.
// Each side writes only its own word and reads the other's after writing its own; a read or
// write of the file is a system call on the one page both processes see, so they never both
// write. SQLite's own locking stays underneath as the guarantee.
//
// Why a file: the two connections live in two processes (the sync process runs at a lower
// priority, so it can never hold a core the main process needs), and Node shares no memory
// between processes. Reading a word is a pread of 4 bytes (about a microsecond), made once per
// batch of an import; waiting is sleeping a millisecond at a time, which costs the waiting side
// only.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const MAIN_WANTS = 0;
const SYNC_WRITES = 1;
const WORD_BYTES = 4;
/** How long a side sleeps before it looks at the other's word again. */
const POLL_MS = 1;

export type WriteTurnRole = 'main' | 'sync';

export interface WriteTurn {
  /** The turn file, to hand to the sync process. */
  readonly path: string;
  readonly role: WriteTurnRole;
  /** Runs `write` (one transaction, or one writing statement) in this side's turn. */
  hold<T>(write: () => T): T;
  /**
   * The main side's turn, waited for without blocking its event loop: resolves once the sync
   * side is between transactions, and keeps it there until the returned release is called.
   * Writes made meanwhile (synchronously: the sync side waits) do not wait. Release at once after them.
   */
  reserve(): Promise<() => void>;
  /** The other side waits to write (only the main side ever waits for the sync side). */
  peerWaiting(): boolean;
  /** The sync process is gone (ended or killed, perhaps inside a transaction): its word is cleared. */
  peerGone(): void;
  /** Closes this side's handle on the file. */
  close(): void;
}

/** A new turn file (both words 0) in a folder of its own under the system's temporary folder. */
export function createWriteTurnFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'frontdesk-turn-')), 'write-turn');
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, new Uint8Array(2 * WORD_BYTES), 0, 2 * WORD_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  return path;
}

/** Removes a turn file made by createWriteTurnFile, and its folder. */
export function removeWriteTurnFile(path: string): void {
  rmSync(dirname(path), { recursive: true, force: true });
}

/** Sleeps the calling thread (the sync process's, or the main side's bounded blocking wait). */
const sleeper = new Int32Array(new SharedArrayBuffer(WORD_BYTES));
const sleep = (ms: number): void => void Atomics.wait(sleeper, 0, 0, ms);

/**
 * This side's handle on the turn file. `maxWaitMs` bounds how long the main side waits for a
 * sync transaction before writing anyway (SQLite's busy timeout then applies), and how long the
 * sync side stays out for a main side that never releases (a main process that died).
 */
export function writeTurn(path: string, role: WriteTurnRole, maxWaitMs = 5_000): WriteTurn {
  const fd = openSync(path, 'r+');
  const word = new Int32Array(1);
  const bytes = new Uint8Array(word.buffer);
  const load = (index: number): number => {
    readSync(fd, bytes, 0, WORD_BYTES, index * WORD_BYTES);
    return word[0]!;
  };
  const store = (index: number, value: number): void => {
    word[0] = value;
    writeSync(fd, bytes, 0, WORD_BYTES, index * WORD_BYTES);
  };
  let depth = 0;
  /** How many want the main side's turn (holds and reservations); only the main side writes its word. */
  let wanting = 0;
  /** Reservations the main side holds: the sync side is between transactions until they end. */
  let reserved = 0;
  let open = true;

  const want = (): void => store(MAIN_WANTS, ++wanting);
  const unwant = (): void => {
    wanting--;
    if (open) store(MAIN_WANTS, wanting);
  };

  function mainHold<T>(write: () => T): T {
    if (reserved > 0) return write();
    want();
    try {
      const deadline = performance.now() + maxWaitMs;
      while (load(SYNC_WRITES) !== 0 && performance.now() < deadline) sleep(POLL_MS);
      return write();
    } finally {
      unwant();
    }
  }

  function syncHold<T>(write: () => T): T {
    const deadline = performance.now() + maxWaitMs;
    for (;;) {
      store(SYNC_WRITES, 1);
      if (load(MAIN_WANTS) === 0 || performance.now() >= deadline) break;
      store(SYNC_WRITES, 0);
      sleep(POLL_MS);
    }
    try {
      return write();
    } finally {
      store(SYNC_WRITES, 0);
    }
  }

  async function reserve(): Promise<() => void> {
    if (role !== 'main') throw new Error('only the main side reserves its write turn');
    // Said first: from here on the sync side commits after its batch in progress and does not
    // begin another transaction, so its word can only go to 0 and stay there.
    want();
    try {
      const deadline = performance.now() + maxWaitMs;
      while (load(SYNC_WRITES) !== 0 && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    } catch (error) {
      unwant();
      throw error;
    }
    reserved++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      reserved--;
      unwant();
    };
  }

  const hold = role === 'main' ? mainHold : syncHold;
  return {
    path,
    role,
    reserve,
    peerWaiting: () => role === 'sync' && load(MAIN_WANTS) > 0,
    peerGone() {
      if (role === 'main') store(SYNC_WRITES, 0);
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
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  };
}
