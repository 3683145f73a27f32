// The real ClubOS captures, read where they live: `../shared/clubos-captures` from the repo root.
// They are never copied into the repo; a missing folder fails the tests that need it, loudly.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
export const CAPTURES_DIR = join(REPO_ROOT, '..', 'shared', 'clubos-captures');

export type CaptureFile =
  | 'login-page.html'
  | 'dashboard-after-delegate.html'
  | 'user-search-results.html'
  | 'followup-popup-fields.json'
  | 'delegate-refused.txt'
  | 'session-expired.txt';

export function readCapture(name: CaptureFile): string {
  return readFileSync(join(CAPTURES_DIR, name), 'utf8');
}

/** The captured FollowUp form: field name → value, as read from a real popup. */
export function capturedPopupFields(): Record<string, string> {
  return JSON.parse(readCapture('followup-popup-fields.json')) as Record<string, string>;
}
