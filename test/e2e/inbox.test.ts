// The inbox in a real browser against the real core and a ClubOS simulator: history on first
// load, live arrivals within one poll interval, read state, and the sync controls.
import { describe, expect, it } from 'vitest';
import { memberName, startAccountApp } from './harness/account-app';
import { browserSuite } from './harness/browser-suite';
import { conversationRow, filterCount, rowConversationId, threadPane, threadTitle, unreadBadge } from './harness/locators';

const POLL_SECONDS = 5;
/** One poll interval, plus the time one poll and one render take. */
const ONE_POLL_MS = POLL_SECONDS * 1000 + 2500;

const opened = browserSuite(() => startAccountApp({ seed: 11, historyDays: 4, pollSeconds: POLL_SECONDS, members: 80 }), {
  timeZone: (app) => app.sim.timeZone,
});

describe('the inbox window', () => {
  it('loads the history ClubOS holds, counted as read', async () => {
    const { app, win } = opened();
    const { page } = win;
    const members = new Map(app.sim.members.map((m) => [m.id, memberName(m)]));
    const expected = new Set(app.sim.messages().map((m) => members.get(m.memberId)));
    expect(expected.size).toBeGreaterThan(3);

    await expect.poll(() => filterCount(page, 'All')).toBe(expected.size);
    const shown = await page.locator('[role="option"] .row-name').allTextContents();
    expect(shown.length).toBeGreaterThan(3);
    for (const name of shown) expect(expected).toContain(name);
    expect(await page.locator('.unread-badge').count()).toBe(0);
    expect(await filterCount(page, 'Unread')).toBeNull();
  });

  it('shows a new ClubOS message within one poll interval, without a reload, with an unread badge', async () => {
    const { app, win } = opened();
    const { page } = win;
    await page.evaluate(() => {
      (window as unknown as Record<string, unknown>)['e2eSameDocument'] = true;
    });
    const member = app.freshMember();
    app.sim.addInbound({ memberId: member.id, body: 'Is the pool open late on Friday?' });

    const row = conversationRow(page, memberName(member));
    await row.waitFor({ timeout: ONE_POLL_MS });
    expect(await unreadBadge(row)).toBe('1');
    expect(await row.locator('.row-preview').textContent()).toBe('Is the pool open late on Friday?');
    expect(await page.getByRole('option').first().locator('.row-name').textContent()).toBe(memberName(member));
    await expect.poll(() => filterCount(page, 'Unread')).toBe(1);
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>)['e2eSameDocument'])).toBe(true);
  });

  it('opening a conversation shows its messages and marks it read', async () => {
    const { app, win } = opened();
    const { page } = win;
    const unread = page.getByRole('option').filter({ has: page.locator('.unread-badge') });
    expect(await unread.count()).toBe(1);
    const name = (await unread.locator('.row-name').textContent()) ?? '';
    const row = conversationRow(page, name);
    const id = await rowConversationId(row);
    expect((await app.core.handlers.getConversation({ conversationId: id })).unreadCount).toBe(1);

    await row.click();
    await threadTitle(page).getByText(name, { exact: true }).waitFor();
    await threadPane(page).locator('.message-body').getByText('Is the pool open late on Friday?', { exact: true }).waitFor();
    expect(await row.getAttribute('aria-selected')).toBe('true');
    await row.locator('.unread-badge').waitFor({ state: 'detached' });
    await expect.poll(async () => (await app.core.handlers.getConversation({ conversationId: id })).unreadCount).toBe(0);
    await expect.poll(() => filterCount(page, 'Unread')).toBeNull();
  });

  it('Pause stops polling, Sync now still fetches, Resume starts polling again', async () => {
    const { app, win } = opened();
    const { page } = win;
    const header = page.getByRole('banner');

    await header.getByRole('button', { name: 'Pause' }).click();
    await header.getByText('Sync paused').waitFor();
    const paused = await app.core.handlers.getSyncStatus({});
    expect(paused.polling).toBe(false);
    expect(paused.owners.map((o) => ({ state: o.state, nextRunAt: o.nextRunAt }))).toEqual(
      paused.owners.map(() => ({ state: 'stopped', nextRunAt: null })),
    );

    // Nothing polls now, so only Sync now can bring this message in.
    const member = app.freshMember();
    app.sim.addInbound({ memberId: member.id, body: 'Can I freeze my membership for July?' });
    const before = app.sim.requestCount('/action/Dashboard/messages');
    await header.getByRole('button', { name: 'Sync now' }).click();
    await conversationRow(page, memberName(member)).waitFor();
    expect(app.sim.requestCount('/action/Dashboard/messages')).toBeGreaterThan(before);
    await header.getByText('Sync paused').waitFor();
    expect((await app.core.handlers.getSyncStatus({})).polling).toBe(false);

    await header.getByRole('button', { name: 'Resume' }).click();
    await header.getByRole('button', { name: 'Pause' }).waitFor();
    await header.getByText(/^Synced /).waitFor();
    await expect
      .poll(async () => {
        const status = await app.core.handlers.getSyncStatus({});
        return status.polling && status.owners.every((o) => o.nextRunAt !== null);
      })
      .toBe(true);
  });
});
