// Screenshots of the main views, written on every run for people to look at (git-ignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './renderer-build';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results/screenshots');

/** Writes `<name>.png` and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // Caret blink and transitions would make two runs of the same view differ.
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  return path;
}
