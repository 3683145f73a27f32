// The write turn between the main process's connection and the sync worker's (db/write-turn.ts),
// with a real second process on the other side of the turn file: the main side's write waits for
// the sync side's transaction to end, the sync side does not begin one while the main side wants
// to write, a reservation keeps the main event loop running, and a sync process that died holding
// its turn holds up nothing once the main side says it is gone.
import { spawn } from 'node:child_process';
import { existsSync, openSync, readSync, statSync, writeSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWriteTurnFile, removeWriteTurnFile, writeTurn } from '../../db';

const MAIN_WANTS = 0;
const SYNC_WRITES = 1;
/** Words after the turn's two, where the other process marks its work done or the test releases it. */
const MARK = 2;
const RELEASE = 3;

const files: string[] = [];
afterEach(() => {
  for (const f of files.splice(0)) removeWriteTurnFile(f);
});

function turnFile(): string {
  const path = createWriteTurnFile();
  files.push(path);
  // Room for the test's own words after the turn's two.
  const fd = openSync(path, 'r+');
  writeSync(fd, new Uint8Array(8), 0, 8, 8);
  closeSync(fd);
  return path;
}

function word(path: string, index: number, value?: number): number {
  const fd = openSync(path, 'r+');
  try {
    const w = new Int32Array(1);
    if (value !== undefined) {
      w[0] = value;
      writeSync(fd, new Uint8Array(w.buffer), 0, 4, index * 4);
    }
    readSync(fd, new Uint8Array(w.buffer), 0, 4, index * 4);
    return w[0]!;
  } finally {
    closeSync(fd);
  }
}

/**
 * Another process that sets word `index` of the turn file to 1, says so, holds it until `ms` have
 * passed or (ms < 0) the test sets the RELEASE word, writes `mark` into the MARK word and sets
 * its word back to 0.
 */
function holder(path: string, index: number, ms: number, mark: number): Promise<{ exited: Promise<number | null>; kill(): void }> {
  const script = `
    const fs = require('node:fs');
    const [path, index, ms, mark] = [process.argv[1], ...process.argv.slice(2).map(Number)];
    const fd = fs.openSync(path, 'r+');
    const w = new Int32Array(1), b = new Uint8Array(w.buffer);
    const put = (i, v) => { w[0] = v; fs.writeSync(fd, b, 0, 4, i * 4); };
    const get = (i) => { fs.readSync(fd, b, 0, 4, i * 4); return w[0]; };
    const sleep = (t) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, t);
    put(index, 1);
    process.stdout.write('holding\\n');
    if (ms >= 0) sleep(ms); else { const end = Date.now() + 10000; while (get(${RELEASE}) === 0 && Date.now() < end) sleep(1); }
    put(${MARK}, mark);
    put(index, 0);`;
  const child = spawn(process.execPath, ['-e', script, path, String(index), String(ms), String(mark)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve({ exited, kill: () => child.kill('SIGKILL') }));
    child.once('error', reject);
  });
}

describe('the turn file', () => {
  it('is two zero words, readable by this user only, in a folder of its own that removing takes away', () => {
    const path = createWriteTurnFile();
    expect(statSync(path).size).toBe(8);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect([word(path, MAIN_WANTS), word(path, SYNC_WRITES)]).toEqual([0, 0]);
    removeWriteTurnFile(path);
    expect(existsSync(dirname(path))).toBe(false);
  });
});

describe('the write turn', () => {
  it("makes the main side's write wait for the sync process's transaction to end", async () => {
    const path = turnFile();
    await holder(path, SYNC_WRITES, 150, 7);
    const turn = writeTurn(path, 'main');
    const seen = turn.hold(() => word(path, MARK));
    expect(seen).toBe(7);
    expect(word(path, MAIN_WANTS)).toBe(0);
    turn.close();
  });

  it('keeps the sync side from beginning a transaction while the main process wants to write', async () => {
    const path = turnFile();
    await holder(path, MAIN_WANTS, 150, 9);
    const turn = writeTurn(path, 'sync');
    expect(turn.peerWaiting()).toBe(true);
    const seen = turn.hold(() => word(path, MARK));
    expect(seen).toBe(9);
    expect(turn.peerWaiting()).toBe(false);
    expect(word(path, SYNC_WRITES)).toBe(0);
    turn.close();
  });

  it("reserves the main side's turn without blocking its event loop, and keeps the sync side out until released", async () => {
    const path = turnFile();
    const other = await holder(path, SYNC_WRITES, -1, 5);
    const turn = writeTurn(path, 'main');
    let granted = false;
    const reservation = turn.reserve().then((release) => {
      granted = true;
      return release;
    });
    expect(word(path, MAIN_WANTS)).toBe(1); // said at once: the sync side commits after its batch in progress
    // The event loop goes on while the sync side writes: timers run, the reservation waits.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(granted).toBe(false);
    word(path, RELEASE, 1);
    const release = await reservation;
    expect(word(path, MARK)).toBe(5); // granted only after the sync side's transaction ended
    expect(word(path, SYNC_WRITES)).toBe(0);
    // Writes made in the reservation do not wait, and the sync side stays out until it ends.
    expect(turn.hold(() => 'written')).toBe('written');
    const sync = writeTurn(path, 'sync');
    expect(sync.peerWaiting()).toBe(true);
    release();
    release(); // a second release changes nothing
    expect(word(path, MAIN_WANTS)).toBe(0);
    expect(sync.peerWaiting()).toBe(false);
    expect(await other.exited).toBe(0);
    turn.close();
    sync.close();
  });

  it('grants a reservation at once when the sync side is between transactions, and only to the main side', async () => {
    const path = turnFile();
    const turn = writeTurn(path, 'main');
    const release = await turn.reserve();
    expect(word(path, MAIN_WANTS)).toBe(1);
    release();
    expect(word(path, MAIN_WANTS)).toBe(0);
    const sync = writeTurn(path, 'sync');
    await expect(sync.reserve()).rejects.toThrow(/only the main side/);
    turn.close();
    sync.close();
  });

  it('lets the main side write at once after a sync process that died inside its transaction is declared gone', async () => {
    const path = turnFile();
    // A sync process killed in the middle of a transaction: its word stays 1.
    const other = await holder(path, SYNC_WRITES, 60_000, 1);
    other.kill();
    expect(await other.exited).toBeNull();
    expect(word(path, SYNC_WRITES)).toBe(1);
    const turn = writeTurn(path, 'main');
    turn.peerGone();
    expect(word(path, SYNC_WRITES)).toBe(0);
    expect(turn.hold(() => 'written')).toBe('written');
    turn.close();
  });

  it('gives up waiting for a main side that never lets go (a main process that died) after its bound', () => {
    const path = turnFile();
    word(path, MAIN_WANTS, 1);
    const turn = writeTurn(path, 'sync', 50);
    const began = performance.now();
    expect(turn.hold(() => 'written')).toBe('written');
    expect(performance.now() - began).toBeGreaterThanOrEqual(45);
    turn.close();
  });
});
