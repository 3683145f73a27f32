// With no stored credentials the core runs demo mode against its built-in simulator: the window
// says so, and shows the simulated club's history.
import { describe, expect, it } from 'vitest';
import { browserSuite } from './harness/browser-suite';
import { startDemoApp } from './harness/demo-app';
import { filterCount, threadPane, threadTitle } from './harness/locators';
import { saveScreenshot } from './harness/screenshots';

// The demo's own defaults (seed 7, 90 days of history), so the queue it starts with is what users see.
const opened = browserSuite(() => startDemoApp({ seed: 7, historyDays: 90 }), { timeZone: () => 'America/Chicago' });

describe('demo mode', () => {
  it('shows the demo banner and the simulated history', async () => {
    const { app, win } = opened();
    const { page } = win;
    expect((await app.core.handlers.getAccount({})).mode).toBe('demo');

    const banner = page.getByRole('region', { name: 'Demo mode' });
    await banner.getByText(/^Demo mode — showing a simulated ClubOS club\./).waitFor();
    await banner.getByRole('button', { name: 'Sign in' }).waitFor();

    const { filters } = await app.core.handlers.getCounts({});
    expect(filters.all).toBeGreaterThan(5);
    await expect.poll(() => filterCount(page, 'All')).toBe(filters.all);
    const first = (await app.core.handlers.listConversations({ filter: 'all', limit: 1 })).items[0];
    expect(first).toBeDefined();
    const row = page.getByRole('option').first();
    expect(await row.locator('.row-name').textContent()).toBe(first?.memberName);

    await row.click();
    await threadTitle(page).getByText(first?.memberName ?? '', { exact: true }).waitFor();
    await threadPane(page).locator('.message-body').first().waitFor();
    await saveScreenshot(page, 'demo-inbox');
  });

  it('starts with a believable queue: a handful waiting, each with a text from the last few days', async () => {
    const { app, win } = opened();
    const { page } = win;
    const { filters } = await app.core.handlers.getCounts({});
    expect(filters.all).toBeGreaterThan(100);
    expect(filters.needs_reply).toBeGreaterThan(0);
    expect(filters.needs_reply).toBeLessThanOrEqual(15);
    const waiting = await app.core.handlers.listConversations({ filter: 'needs_reply', limit: 100 });
    for (const c of waiting.items) expect(Date.now() - Date.parse(c.waitingSince!)).toBeLessThan(4 * 24 * 3600_000 + 3600_000);
    await page.getByRole('navigation', { name: 'Inboxes and filters' }).getByRole('button', { name: /^Needs reply/ }).click();
    await expect.poll(() => page.getByRole('listbox').getByRole('option').count()).toBe(filters.needs_reply);
    await saveScreenshot(page, 'demo-needs-reply');
  });
});
