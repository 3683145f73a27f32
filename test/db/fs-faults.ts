// File-system faults produced for real where this machine allows it. Tests run as root here, and
// root ignores permission bits, so a read-only file or folder is made with the immutable
// attribute (`chattr +i`, which binds root too); as any other user, with chmod. A full disk is a
// tiny tmpfs mounted for the test (root only). When neither works (a container without the
// capability), the helper returns null and the test says it was skipped, rather than pretending.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const isRoot = (): boolean => process.getuid?.() === 0;

function run(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Makes `path` read-only even for root; returns the undo, or null when this machine cannot. */
export function makeReadOnly(path: string): (() => void) | null {
  if (!isRoot()) {
    const mode = statSync(path).mode & 0o7777;
    chmodSync(path, statSync(path).isDirectory() ? 0o555 : 0o444);
    return () => chmodSync(path, mode);
  }
  if (!run('chattr', ['+i', path])) return null;
  return () => {
    run('chattr', ['-i', path]);
  };
}

/** A tmpfs of `kib` KiB mounted on a fresh folder; null when mounting is not allowed. */
export function tinyDisk(kib: number): { dir: string; unmount: () => void } | null {
  if (!isRoot()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-full-'));
  if (!run('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir])) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    unmount: () => {
      // Lazy: a connection a failed test left open must not keep the mount alive.
      run('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
