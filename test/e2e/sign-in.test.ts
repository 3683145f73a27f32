// Settings → Account → sign in → the inbox fills, against a ClubOS simulator serving each
// dashboard shape real ClubOS may serve. Without a zone on any ClubOS page, the window says which
// zone times are shown in until the club's zone is confirmed in Settings → Account.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DashboardShape } from '../../main/clubos-simulator';
import { browserSuite } from './harness/browser-suite';
import { filterCount, threadPane, threadTitle } from './harness/locators';
import { saveScreenshot } from './harness/screenshots';
import { startSignInApp, type SignInApp } from './harness/sign-in-app';

async function signInThroughSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const form = dialog.getByRole('form', { name: 'Sign in to ClubOS' });
  await form.getByLabel('ClubOS username').fill('frontdesk');
  await form.getByLabel('Password', { exact: true }).fill('Club-Pass-1');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await dialog.getByText('Signed in as').waitFor();
}

function expectedConversations(app: SignInApp): number {
  return new Set(app.sim.messages().map((m) => m.memberId)).size;
}

async function inboxFills(app: SignInApp, page: Page): Promise<void> {
  const expected = expectedConversations(app);
  expect(expected).toBeGreaterThan(3);
  await expect.poll(() => filterCount(page, 'All'), { timeout: 20_000 }).toBe(expected);
  const row = page.getByRole('option').first();
  const name = (await row.locator('.row-name').textContent()) ?? '';
  await row.click();
  await threadTitle(page).getByText(name, { exact: true }).waitFor();
  await threadPane(page).locator('.message-body').first().waitFor();
}

describe.each<DashboardShape>(['recent-leads', 'other-view-data'])('signing in with the %s dashboard', (shape) => {
  const opened = browserSuite(() => startSignInApp({ seed: 31, dashboardShape: shape }), { timeZone: (app) => app.sim.timeZone });

  it('signs in from Settings → Account and fills the inbox on the club clock', async () => {
    const { app, win } = opened();
    await signInThroughSettings(win.page);
    expect(await app.core.handlers.getAccount({})).toMatchObject({ mode: 'signed_in', username: 'frontdesk' });
    await win.page.getByRole('button', { name: 'Close' }).click();
    await inboxFills(app, win.page);
    await expect.poll(async () => (await app.core.handlers.getAccount({})).clubTimeZoneSource).toBe('clubos');
    expect(await win.page.getByRole('region', { name: 'Club time zone' }).count()).toBe(0);
    await saveScreenshot(win.page, `signed-in-${shape}`);
  });
});

describe('signing in with a dashboard that names no time zone', () => {
  const opened = browserSuite(() => startSignInApp({ seed: 32, dashboardShape: 'no-time-zone' }), { timeZone: (app) => app.sim.timeZone });

  it('signs in, fills the inbox, says which zone times are shown in, and asks for the club zone once', async () => {
    const { app, win } = opened();
    const { page } = win;
    await signInThroughSettings(page);
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const zoneForm = dialog.getByRole('form', { name: 'Club time zone' });
    const select = zoneForm.getByRole('combobox', { name: 'Club time zone' });
    await select.waitFor();
    const assumed = (await app.core.handlers.getAccount({})).clubTimeZone!;
    expect(await select.inputValue()).toBe(assumed);
    await page.getByRole('button', { name: 'Close' }).click();

    await inboxFills(app, page);
    const banner = page.getByRole('region', { name: 'Club time zone' });
    await banner.getByText(`Times are shown in ${assumed}`).waitFor();
    await saveScreenshot(page, 'signed-in-no-time-zone');

    await banner.getByRole('button', { name: 'Set the club time zone' }).click();
    await select.selectOption(app.sim.timeZone);
    await zoneForm.getByRole('button', { name: 'Confirm time zone' }).click();
    await dialog.getByText(`Confirmed: ${app.sim.timeZone}.`).waitFor();
    await banner.waitFor({ state: 'detached' });
    expect(await app.core.handlers.getAccount({})).toMatchObject({ clubTimeZone: app.sim.timeZone, clubTimeZoneSource: 'confirmed' });
  });
});
