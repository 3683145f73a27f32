// Team mode in the built window against the real core. Alone (no PostgreSQL needed): assign from
// the keyboard and the Mine list, an internal note that is never sent, and the question before a
// send when a reply was just seen in ClubOS. Then, on a throwaway PostgreSQL cluster: joining in
// Settings → Team (the password never comes back), and a colleague's desk (Jordan) on the same team
// store: "Jordan is viewing" / "Jordan is replying" here, and Jordan's desk hearing that I reply.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { memberName, startAccountApp } from './harness/account-app';
import { axeViolations } from './harness/axe';
import { browserSuite } from './harness/browser-suite';
import { conversationRow, threadPane, threadTitle } from './harness/locators';
import { saveScreenshot } from './harness/screenshots';
import { pgAvailable, startPgCluster, type PgCluster } from '../team/pg-cluster';
import { openDesk, settle, waitFor, type TestDesk } from '../team/team-desks';

const suite = browserSuite(() => startAccountApp({ seed: 44, historyDays: 3, pollSeconds: 600, members: 40 }), {
  timeZone: (app) => app.sim.timeZone,
  ready: (win) => win.page.getByRole('option').first().waitFor(),
});

async function axeClean(page: Page, view: string): Promise<void> {
  await saveScreenshot(page, view);
  expect({ view, axe: await axeViolations(page) }).toEqual({ view, axe: [] });
}

const pg = pgAvailable('team mode in the window with a colleague (test/e2e/team.test.ts)');
let cluster: PgCluster | null = null;
let jordan: TestDesk | null = null;
afterAll(async () => {
  await jordan?.close().catch(() => undefined);
  cluster?.destroy();
});

describe('team mode in the window', () => {
  it('alone: m assigns to me, Mine lists it, a note stays internal, a reply just seen in ClubOS asks before sending', async () => {
    const { app, win } = suite();
    const page = win.page;
    const member = app.freshMember();
    const name = memberName(member);
    app.sim.addInbound({ memberId: member.id, body: 'Can I switch my membership to the family plan?' });
    await app.core.handlers.syncNow({});
    await conversationRow(page, name).click();
    await threadTitle(page).getByText(name, { exact: true }).waitFor();

    // Assign to me from the keyboard (focus on the list, not in a text field).
    await conversationRow(page, name).focus();
    await page.keyboard.press('m');
    await threadPane(page).getByText('Assigned to you').waitFor();
    // The row says so too, in both densities: "You" on screen, the whole phrase in its name.
    for (let i = 0; i < 2; i++) {
      const row = conversationRow(page, name);
      await row.locator('.row-assignee').getByText('You', { exact: true }).waitFor();
      expect(await row.getAttribute('aria-selected')).toBe('true');
      await page.getByRole('option', { name: new RegExp(`${name}.*\\(assigned to you\\)`) }).waitFor();
      await axeClean(page, `team-row-assignee-${i}`);
      await page.getByRole('button', { name: 'Compact', exact: true }).click();
    }
    const mine = page.getByRole('navigation').getByRole('button', { name: /^Mine/ });
    await expect.poll(() => mine.textContent()).toMatch(/1/);
    await mine.click();
    await expect.poll(() => page.getByRole('main').getByRole('option').count()).toBe(1);
    await conversationRow(page, name).waitFor();

    // A note: the composer's Note mode, styled as internal, never sent to the member.
    await threadPane(page).locator('label.toggle', { hasText: 'Note' }).click();
    const noteBox = threadPane(page).getByRole('textbox', { name: 'Internal note' });
    await noteBox.fill('Called her back, she will come in Friday.');
    await noteBox.press('Control+Enter');
    const note = threadPane(page).getByRole('listitem', { name: /^Internal note by/ });
    await note.getByText('Called her back, she will come in Friday.').waitFor();
    // The note shows when its push arrives; the box empties when the request answers, which may be a moment later.
    await expect.poll(() => noteBox.inputValue()).toBe('');
    expect(app.sim.sentTexts(member.id)).toEqual([]);
    await axeClean(page, 'team-note');

    // Someone answered in ClubOS itself a moment ago: sending now asks first.
    const conversationId = (await app.core.handlers.listConversations({ filter: 'mine' })).items[0]!.id;
    app.sim.addStaffReply({ memberId: member.id, body: 'Hi! Yes, come by the desk.' });
    await app.core.handlers.fetchHistory({ conversationId });
    expect((await app.core.handlers.checkCollision({ conversationId })).collision).toMatchObject({ kind: 'replied', staff: null });
    await threadPane(page).locator('label.toggle', { hasText: 'Reply' }).click();
    const reply = threadPane(page).getByRole('textbox', { name: 'Text message' });
    await reply.fill('The family plan starts next month.');
    await threadPane(page).getByRole('button', { name: 'Send text' }).click();
    const ask = page.getByRole('dialog', { name: 'Send anyway?' });
    await ask.getByText(/^Someone in ClubOS replied \d+ s ago — send anyway\?$/).waitFor();
    await axeClean(page, 'team-collision');
    // The safe answer has the focus.
    expect(await ask.getByRole('button', { name: 'Cancel' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await ask.waitFor({ state: 'detached' });
    expect(app.sim.sentTexts(member.id)).toEqual([]);
    await threadPane(page).getByRole('button', { name: 'Send text' }).click();
    await ask.getByRole('button', { name: 'Send anyway' }).click();
    await expect.poll(() => app.sim.sentTexts(member.id).map((t) => t.body)).toEqual(['The family plan starts next month.']);

    await page.getByRole('navigation').getByRole('button', { name: /^All/ }).click();
  });

  it.skipIf(!pg)('in a team: joins from Settings without showing the password back, and shows a colleague viewing and replying', async () => {
    const { app, win } = suite();
    const page = win.page;
    cluster = await startPgCluster();
    const url = cluster.url();
    const password = /:([^:@/]+)@/.exec(url)![1]!;

    await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    const team = settings.getByRole('region', { name: 'Team' });
    await team.getByText('Not in a team').waitFor();
    const field = team.getByLabel('PostgreSQL connection string');
    expect(await field.getAttribute('type')).toBe('password');
    await field.fill(url.replace(password, 'not-the-password'));
    await team.getByRole('button', { name: 'Test connection' }).click();
    await team.getByText('The team server refused the user name or password.').waitFor();
    await field.fill(url);
    await team.getByRole('button', { name: 'Test connection' }).click();
    await team.getByRole('status').filter({ hasText: /Connected|PostgreSQL|ok/i }).first().waitFor();
    await team.getByRole('button', { name: 'Join team' }).click();
    await team.getByText('Connected to the team.').waitFor({ timeout: 20_000 });
    expect(await team.getByLabel('New connection string').inputValue()).toBe('');
    await team.getByText(`Server: frontdesk@127.0.0.1:${cluster.port}/frontdesk`).waitFor();
    expect(await page.content()).not.toContain(password);
    const nameField = team.getByLabel('Your name for the team');
    await nameField.fill('Dana');
    await team.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => app.core.handlers.getTeam({}).then((s) => s.me?.name)).toBe('Dana');
    await axeClean(page, 'team-settings');
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached' });

    // Jordan's desk joins the same team store.
    jordan = await openDesk(url, { id: 'jordan', name: 'Jordan' }, { ownerIds: [app.sim.loggedInUserId] });
    await app.core.services.team.flush();
    await settle(jordan);
    const { items } = await app.core.handlers.listConversations({ filter: 'all', limit: 1 });
    const open = items[0]!;
    await conversationRow(page, open.memberName).click();
    await threadTitle(page).getByText(open.memberName, { exact: true }).waitFor();
    const key = `${open.ownerId}/${open.memberId !== null ? `m/${open.memberId}` : `n/${open.memberName.toLowerCase()}`}`;

    jordan.link.publishPresence({ key, state: 'viewing', ttlMs: 15_000 });
    const presence = threadPane(page).locator('.presence-line');
    await presence.getByText('Jordan is viewing').waitFor({ timeout: 15_000 });
    jordan.link.publishPresence({ key, state: 'replying', ttlMs: 15_000 });
    await presence.getByText('Jordan is replying').waitFor({ timeout: 15_000 });
    await axeClean(page, 'team-presence');

    // My typing reaches Jordan's desk as "replying" (once, not per key).
    const before = jordan.presence.length;
    await threadPane(page).getByRole('textbox', { name: /Text message|Email message/ }).pressSequentially('On my way to answer', { delay: 10 });
    await waitFor("Jordan's desk hears me replying", () => jordan!.presence.slice(before).some((p) => p.staff.id === 'demo' && p.state === 'replying'));
    const replyingSignals = jordan.presence.slice(before).filter((p) => p.staff.id === 'demo' && p.state === 'replying').length;
    expect(replyingSignals).toBeLessThanOrEqual(2);
  });
});
