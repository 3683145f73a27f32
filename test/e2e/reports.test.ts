// The Reports view in the built window against the real core: a member texts, staff reply and
// resolve, and the view draws its charts (under the window's strict CSP, no network: the page
// errors check fails on any CSP violation or failed load), names the staff member, passes axe
// light and dark, works from the keyboard, and its CSV export saves a file with the period's rows.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { staffShortName } from '../../main/clubos/staff-short-name';
import { memberName, startAccountApp } from './harness/account-app';
import { axeViolations } from './harness/axe';
import { browserSuite } from './harness/browser-suite';
import { horizontalOverflow, lowContrastText } from './harness/layout-checks';
import { saveScreenshot } from './harness/screenshots';

const suite = browserSuite(() => startAccountApp({ seed: 44, historyDays: 3, pollSeconds: 600, members: 40 }), {
  timeZone: (app) => app.sim.timeZone,
  ready: (win) => win.page.getByRole('option').first().waitFor(),
});

async function checkView(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name);
  expect({ view: name, axe: await axeViolations(page) }).toEqual({ view: name, axe: [] });
  expect({ view: name, overflow: await horizontalOverflow(page, ['.modal']) }).toEqual({ view: name, overflow: [] });
  expect({ view: name, lowContrast: await lowContrastText(page) }).toEqual({ view: name, lowContrast: [] });
}

describe('Reports', () => {
  it('draws response times from the desk’s own data, accessible, and exports them as CSV', async () => {
    const { app, win } = suite();
    const page = win.page;
    const member = app.freshMember();
    app.sim.addInbound({ memberId: member.id, body: 'Is the pool open on Sunday?' });
    await app.core.handlers.syncNow({});
    const { items } = await app.core.handlers.listConversations({ filter: 'needs_reply', limit: 100 });
    const conversation = items.find((c) => c.memberId === member.id);
    if (!conversation) throw new Error(`${memberName(member)} is not waiting`);
    await app.core.handlers.sendReply({ conversationId: conversation.id, channel: 'sms', body: 'Yes, 8 AM to 6 PM on Sundays.' });
    await app.core.handlers.setStatus({ conversationId: conversation.id, status: 'resolved' });
    const me = staffShortName(app.sim.staff.find((s) => s.id === app.sim.loggedInUserId)!.name);

    // From the keyboard: the header's Reports button.
    const open = page.getByRole('banner').getByRole('button', { name: 'Reports' });
    await open.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Reports' });
    await dialog.waitFor();
    // The charts are drawn (SVG from the bundled library), and the per-staff table names the replier.
    await dialog.locator('.recharts-surface').first().waitFor();
    await expect.poll(() => dialog.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(4);
    const summary = dialog.locator('.report-summary > div', { hasText: 'Time to resolve' });
    expect(await summary.locator('dd').first().textContent()).not.toBe('–');
    const staff = dialog.getByRole('figure', { name: /by staff member/ });
    await staff.getByRole('rowheader', { name: me }).first().waitFor();
    await expect.poll(() => dialog.locator('.report-tone-1 .recharts-rectangle').count()).toBeGreaterThan(0);
    await checkView(page, 'reports');

    // Another period, chosen with the keyboard.
    const period = dialog.getByRole('combobox', { name: 'Period' });
    await period.focus();
    await period.selectOption('30');
    await dialog.getByText(/– \d{4}-\d{2}-\d{2}/).waitFor();

    // CSV export: the window saves it like the other exports (a download the shell asks where to put).
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^frontdesk-response-times-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('kind,conversation_id,member,intent,started_club_time,started_utc,outcome,ended_club_time,ended_utc,minutes,staff,time_zone');
    expect(csv).toContain(`request,${conversation.id},${memberName(member)},`);
    expect(csv).toContain(`,answered,`);
    expect(csv).toContain(`,${me},${app.sim.timeZone}\r\n`);
    expect(csv).toContain(`resolution,${conversation.id},${memberName(member)},`);

    await page.emulateMedia({ colorScheme: 'dark' });
    await checkView(page, 'dark-reports');
    await page.emulateMedia({ colorScheme: 'light' });

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);
  });
});
