// Files Frontdesk keeps next to the database: a damaged one moved aside (never deleted), and the
// copy taken before a migration. Names carry a UTC stamp from the injected clock.
import { existsSync, renameSync } from 'node:fs';

export function fileStamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** `base`, or `base-2`, `base-3`… whichever does not exist yet. */
export function freePath(base: string): string {
  let candidate = base;
  for (let n = 2; existsSync(candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}

/** Renames the database (with its -wal and -shm) to `<name>.corrupt-<stamp>`; returns the new path. */
export function moveAside(path: string, epochMs: number): string {
  const target = freePath(`${path}.corrupt-${fileStamp(epochMs)}`);
  renameSync(path, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}
