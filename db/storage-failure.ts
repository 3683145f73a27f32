// Why the database file could not be opened or written at start-up, in words a front-desk user can
// act on. SQLite and the file system report these as codes (`SQLITE_READONLY_DBMOVED`, `EROFS`,
// `SQLITE_FULL`…) with messages that mean nothing to them; the raw error stays in the log as the
// cause. Nothing here moves or deletes a file: a storage problem is never treated as damage.
import { accessSync, constants, existsSync, statfsSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { DbError } from './errors';

export type StorageProblem = 'folder_in_place' | 'read_only_file' | 'read_only_folder' | 'disk_full' | 'busy' | 'unavailable';

function codeOf(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return '';
}

const writable = (path: string): boolean => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** Less than 1 MiB free for us on the folder's file system. */
const nearlyFull = (folder: string): boolean => {
  try {
    const fs = statfsSync(folder);
    return fs.bavail * fs.bsize < 1024 * 1024;
  } catch {
    return false;
  }
};

/** Checks what can be checked before SQLite touches anything; null when nothing is in the way. */
export function storageProblemBefore(path: string): StorageProblem | null {
  if (isDirectory(path)) return 'folder_in_place';
  const folder = dirname(path);
  // SQLite creates the -wal and -shm files beside the database, so the folder must be writable
  // even when the file itself is.
  if (!writable(folder)) return 'read_only_folder';
  if (existsSync(path) && !writable(path)) return 'read_only_file';
  return null;
}

/** Classifies a failure of opening, configuring or migrating the database. */
export function storageProblemOf(error: unknown, path: string): StorageProblem {
  const code = codeOf(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  // A full disk does not always surface as SQLITE_FULL: growing the -shm or writing a page fails
  // with an I/O error code (SQLITE_IOERR_SHMSIZE, SQLITE_IOERR_WRITE…). The free space says which.
  if (code.startsWith('SQLITE_IOERR') && nearlyFull(dirname(path))) return 'disk_full';
  if (code === 'EISDIR' || code === 'ENOTDIR' || isDirectory(path)) return 'folder_in_place';
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') return 'busy';
  const denied = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM';
  if (denied || code.startsWith('SQLITE_IOERR')) {
    const before = storageProblemBefore(path);
    if (before) return before;
    if (denied) return existsSync(path) ? 'read_only_file' : 'read_only_folder';
  }
  return 'unavailable';
}

export function storageMessage(problem: StorageProblem, path: string): string {
  const folder = dirname(path);
  const name = basename(path);
  const nothingLost = 'Nothing was deleted.';
  switch (problem) {
    case 'folder_in_place':
      return `Frontdesk keeps its messages in a file named ${name}, but there is a folder with that name in ${folder}. Rename or move that folder, then start Frontdesk again. ${nothingLost}`;
    case 'read_only_file':
      return `Frontdesk cannot save to its database ${path}: the file is read-only. Make it writable (or ask whoever manages this computer), then start Frontdesk again. ${nothingLost}`;
    case 'read_only_folder':
      return `Frontdesk cannot save in its data folder ${folder}: the folder is read-only. Make it writable (or ask whoever manages this computer), then start Frontdesk again. ${nothingLost}`;
    case 'disk_full':
      return `The disk that holds Frontdesk's data (${folder}) is full. Free some space, then start Frontdesk again. ${nothingLost}`;
    case 'busy':
      return `Another program is holding Frontdesk's database ${path} open. Close it (or restart the computer), then start Frontdesk again. ${nothingLost}`;
    case 'unavailable':
      return `Frontdesk could not open its database ${path}. The log folder has the details. ${nothingLost}`;
  }
}

/** The DbError a storage failure is reported as; the original error is kept as its cause. */
export function storageError(problem: StorageProblem, path: string, cause?: unknown): DbError {
  return new DbError('storage', storageMessage(problem, path), { cause, problem });
}
