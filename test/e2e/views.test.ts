// The main views, light and dark and in a small window: each is written to
// test-results/screenshots/ for people to look at, and each must have readable text (WCAG AA
// contrast) and nothing wider than its pane.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startAccountApp, type AccountApp } from './harness/account-app';
import { browserSuite } from './harness/browser-suite';
import { axeViolations } from './harness/axe';
import { horizontalOverflow, lowContrastText } from './harness/layout-checks';
import { conversationRow, threadPane, threadTitle } from './harness/locators';
import { saveScreenshot } from './harness/screenshots';

const PANES = ['.header', '.sidebar', '.list-scroll', '.thread-header', '.message-scroll', '.composer', '.search-scroll', '.modal'];

/** Saves the view and checks it is readable, fits, and has no accessibility violation of any impact. */
async function checkView(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name);
  expect({ view: name, axe: await axeViolations(page) }).toEqual({ view: name, axe: [] });
  expect({ view: name, overflow: await horizontalOverflow(page, PANES) }).toEqual({ view: name, overflow: [] });
  expect({ view: name, lowContrast: await lowContrastText(page) }).toEqual({ view: name, lowContrast: [] });
}

/** The word most messages share, so the search view has several hits. */
function commonWord(bodies: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const body of bodies) {
    for (const word of new Set(body.toLowerCase().match(/[a-z]{5,}/g) ?? [])) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (!best) throw new Error('the simulated history has no words to search for');
  return best[0];
}

const suite = browserSuite(() => startAccountApp({ seed: 31, historyDays: 6, pollSeconds: 600, members: 80 }), {
  timeZone: (app) => app.sim.timeZone,
  ready: (win) => win.page.getByRole('option').first().waitFor(),
});

function opened(): { app: AccountApp; page: Page } {
  const { app, win } = suite();
  return { app, page: win.page };
}

describe('the main views', () => {
  it('light: inbox, thread, search results, settings', async () => {
    const { app, page } = opened();
    // One unread conversation, so the badge is in the pictures.
    const member = app.freshMember();
    app.sim.addInbound({ memberId: member.id, body: 'Hi! Do you still have the 3-month student deal? I can come in after 5.' });
    await app.core.handlers.syncNow({});
    await conversationRow(page, `${member.firstName} ${member.lastName}`).locator('.unread-badge').waitFor();
    await checkView(page, 'inbox');

    // The thread with the most messages among the first rows.
    const { items } = await app.core.handlers.listConversations({ filter: 'all', limit: 8 });
    const sizes = await Promise.all(
      items.map(async (c) => ({ c, n: (await app.core.handlers.listMessages({ conversationId: c.id })).items.length })),
    );
    const busiest = sizes.sort((a, b) => b.n - a.n)[0]?.c;
    if (!busiest) throw new Error('no conversations listed');
    await conversationRow(page, busiest.memberName).click();
    await threadTitle(page).getByText(busiest.memberName, { exact: true }).waitFor();
    await threadPane(page).locator('.message-body').first().waitFor();
    await checkView(page, 'thread');

    const word = commonWord(app.sim.messages().map((m) => m.body));
    await page.getByRole('searchbox', { name: 'Search messages' }).fill(word);
    await page.getByRole('main', { name: 'Search results' }).locator('mark').first().waitFor();
    await checkView(page, 'search-results');
    await page.getByRole('searchbox', { name: 'Search messages' }).press('Escape');

    await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('dialog', { name: 'Settings' }).waitFor();
    await checkView(page, 'settings');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('dark: inbox with thread, search results, settings', async () => {
    const { app, page } = opened();
    await page.emulateMedia({ colorScheme: 'dark' });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r = 255, g = 255, b = 255] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(3 * 64);
    await threadPane(page).locator('.message-body').first().waitFor();
    await checkView(page, 'dark-thread');

    await page.getByRole('searchbox', { name: 'Search messages' }).fill(commonWord(app.sim.messages().map((m) => m.body)));
    await page.getByRole('main', { name: 'Search results' }).locator('mark').first().waitFor();
    await checkView(page, 'dark-search-results');
    await page.getByRole('searchbox', { name: 'Search messages' }).press('Escape');

    await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('dialog', { name: 'Settings' }).waitFor();
    await checkView(page, 'dark-settings');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('a small window (1024 × 640) still fits', async () => {
    const { page } = opened();
    await page.setViewportSize({ width: 1024, height: 640 });
    await threadPane(page).locator('.message-body').first().waitFor();
    await checkView(page, 'small-window');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
