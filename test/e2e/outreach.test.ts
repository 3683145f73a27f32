// Follow-ups in Chromium against the real core and a ClubOS simulator (issue 18): staff edit the
// waiting rules in Settings → Follow-ups, a conversation that waited too long moves to the top of
// the list with its Overdue mark, and Settings → Activity shows it from the one action log. Each
// view passes axe (every rule, every impact), light and dark, like the main views.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { memberName, startAccountApp, type AccountApp } from './harness/account-app';
import { axeViolations } from './harness/axe';
import { browserSuite } from './harness/browser-suite';
import { horizontalOverflow, lowContrastText } from './harness/layout-checks';
import { conversationRow } from './harness/locators';
import { saveScreenshot } from './harness/screenshots';

const PANES = ['.header', '.sidebar', '.list-scroll', '.modal'];

async function checkView(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name);
  expect({ view: name, axe: await axeViolations(page) }).toEqual({ view: name, axe: [] });
  expect({ view: name, overflow: await horizontalOverflow(page, PANES) }).toEqual({ view: name, overflow: [] });
  expect({ view: name, lowContrast: await lowContrastText(page) }).toEqual({ view: name, lowContrast: [] });
}

const suite = browserSuite(() => startAccountApp({ seed: 71, historyDays: 6, pollSeconds: 600, members: 80 }), {
  timeZone: (app) => app.sim.timeZone,
  ready: (win) => win.page.getByRole('option').first().waitFor(),
});

function opened(): { app: AccountApp; page: Page } {
  const { app, win } = suite();
  return { app, page: win.page };
}

const rowNames = (page: Page): Promise<string[]> => page.getByRole('option').locator('.row-name').allTextContents();

async function openSettings(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.waitFor();
  return dialog;
}

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

describe('waiting too long', () => {
  it('staff add, edit and remove waiting rules; an overdue conversation moves above newer ones and shows in Activity', async () => {
    const { app, page } = opened();
    // One member has waited 20 minutes; another texted just now, so is listed above the first.
    const waiting = app.freshMember();
    app.sim.addInbound({ memberId: waiting.id, body: 'Can I bring a guest on Saturday?', at: Date.now() - 20 * 60_000 });
    const fresh = app.freshMember();
    app.sim.addInbound({ memberId: fresh.id, body: 'Is the sauna open today?' });
    await page.getByRole('banner').getByRole('button', { name: 'Sync now' }).click();
    await conversationRow(page, memberName(waiting)).waitFor();
    await conversationRow(page, memberName(fresh)).waitFor();
    const before = await rowNames(page);
    expect(before.indexOf(memberName(fresh))).toBeLessThan(before.indexOf(memberName(waiting)));
    expect(before[0]).not.toBe(memberName(waiting));

    const settings = await openSettings(page);
    const form = settings.getByRole('form', { name: 'Follow-ups' });
    await form.scrollIntoViewIfNeeded();
    const wait = form.getByRole('textbox', { name: 'Mark any conversation overdue after (business hours)' });
    await expect.poll(() => wait.inputValue()).toBe('2');
    await wait.fill('0.25');
    // A rule for a tag, one for a kind of message, then the second removed again.
    await form.getByRole('button', { name: 'Add a rule' }).click();
    await form.getByRole('combobox', { name: 'Rule 1: Applies to' }).selectOption({ label: 'A tag…' });
    await form.getByRole('textbox', { name: 'Rule 1: Tag' }).fill('vip');
    await form.getByRole('textbox', { name: 'Rule 1: Overdue after (business hours)' }).fill('0.5');
    await form.getByRole('button', { name: 'Add a rule' }).click();
    await form.getByRole('combobox', { name: 'Rule 2: Applies to' }).selectOption({ label: 'Complaint' });
    await checkView(page, 'follow-ups-rules');
    await form.getByRole('button', { name: 'Remove rule 2' }).click();
    await form.getByRole('button', { name: 'Save follow-ups' }).click();
    await form.getByRole('status').getByText('Saved.').waitFor();
    expect(await app.core.handlers.getOutreachSettings({})).toEqual({
      waitingRules: { defaultBusinessMinutes: 15, rules: [{ tag: 'vip', businessMinutes: 30 }] },
      lateLimitMinutes: 60,
    });
    await closeDialog(page);

    // The saved rule applies at once: the member who waited 20 minutes is raised above the newer
    // text. The simulated history may hold other texts of today that waited too long as well (how
    // many depends on the hour the test runs), so the check is the order, not the first row.
    const raised = conversationRow(page, memberName(waiting));
    await raised.locator('.chip--attention').getByText('Overdue').waitFor();
    await expect
      .poll(async () => {
        const names = await rowNames(page);
        return names.indexOf(memberName(waiting)) < names.indexOf(memberName(fresh));
      })
      .toBe(true);
    // Every raised row comes before every other row.
    const marks = await page.getByRole('option').evaluateAll((rows) => rows.map((row) => row.querySelector('.chip--attention') !== null));
    expect(marks.indexOf(false) === -1 || marks.lastIndexOf(true) < marks.indexOf(false)).toBe(true);
    await expect.poll(() => conversationRow(page, memberName(fresh)).locator('.chip--attention').count()).toBe(0);
    await checkView(page, 'inbox-overdue');
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkView(page, 'inbox-overdue-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // The one action log says so, labelled, in Settings → Activity.
    const again = await openSettings(page);
    const activity = again.getByRole('list', { name: 'Activity, newest first' });
    await activity.scrollIntoViewIfNeeded();
    await activity.getByRole('listitem').filter({ hasText: 'Waiting too long' }).filter({ hasText: memberName(waiting) }).waitFor();
    await checkView(page, 'settings-activity');
    await closeDialog(page);
  });
});
