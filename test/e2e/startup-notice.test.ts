// A damaged database at start: the window, in Chromium against the real core, says how many
// messages were kept, next to the inbox, and the notice can be dismissed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONVERSATIONS, MESSAGES, PAGE_SIZE, pagesOf, populate, rowidsOnPage } from '../db/damage-fixture';
import { browserSuite } from './harness/browser-suite';
import { startDemoApp } from './harness/demo-app';
import { saveScreenshot } from './harness/screenshots';

let lost = 0;

function damagedDatabase(dataDir: string): void {
  const path = join(dataDir, 'frontdesk.sqlite');
  populate(path);
  const victim = pagesOf(path, 'messages').filter((p) => p.pagetype === 'leaf')[2]!;
  const bytes = readFileSync(path);
  lost = rowidsOnPage(bytes, victim.pageno).length;
  for (let i = (victim.pageno - 1) * PAGE_SIZE; i < victim.pageno * PAGE_SIZE; i++) bytes[i] = (i * 13) & 0xff;
  writeFileSync(path, bytes);
}

const opened = browserSuite(() => startDemoApp({ seed: 7, historyDays: 3, prepareDataDir: damagedDatabase }), {
  timeZone: () => 'America/Chicago',
});

describe('a repaired database at start-up', () => {
  it('says in the window how many messages were kept, and goes away when dismissed', async () => {
    const { page } = opened().win;
    const notice = page.getByRole('status', { name: 'Frontdesk repaired its database' });
    await notice.waitFor();
    expect(lost).toBeGreaterThan(0);
    expect(await notice.textContent()).toContain(`${MESSAGES - lost} messages in ${CONVERSATIONS} conversations were kept`);
    expect(await notice.textContent()).not.toMatch(/SQLITE|quick_check/);
    await page.getByRole('main', { name: 'Conversations' }).waitFor();
    await saveScreenshot(page, 'startup-repaired-database');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await notice.waitFor({ state: 'detached' });
  });
});
