// Working in a conversation in a real browser against the real core and a ClubOS simulator:
// replying, member text that looks like HTML, search, and the keyboard.
import { describe, expect, it } from 'vitest';
import { memberName, startAccountApp } from './harness/account-app';
import { browserSuite } from './harness/browser-suite';
import { blurFocus, conversationRow, rowConversationId, selectedPosition, threadPane, threadTitle } from './harness/locators';

const opened = browserSuite(
  // A long poll interval: these tests bring messages in with Sync now, when they want them.
  () => startAccountApp({ seed: 23, historyDays: 3, pollSeconds: 600, members: 80 }),
  { timeZone: (app) => app.sim.timeZone, ready: (win) => win.page.getByRole('option').first().waitFor() },
);

describe('a conversation', () => {
  it('a reply appears in the thread and in the ClubOS log', async () => {
    const { app, win } = opened();
    const { page } = win;
    const member = app.freshMember();
    app.sim.addInbound({ memberId: member.id, body: 'What time does the 6pm spin class end?' });
    await page.getByRole('banner').getByRole('button', { name: 'Sync now' }).click();
    await conversationRow(page, memberName(member)).click();
    await threadTitle(page).getByText(memberName(member), { exact: true }).waitFor();

    const reply = 'It ends at 6:45. See you there!';
    await threadPane(page).getByRole('textbox', { name: 'Text message' }).fill(reply);
    await threadPane(page).getByRole('button', { name: 'Send text' }).click();

    await threadPane(page).locator('.message--outbound .message-body').getByText(reply, { exact: true }).waitFor();
    expect(await threadPane(page).getByRole('textbox', { name: 'Text message' }).inputValue()).toBe('');
    const [latest] = app.sim.followUpLog(member.id);
    expect(latest).toMatchObject({ direction: 'outbound', kind: 'text', body: reply });
  });

  it('a body that looks like HTML shows as literal text and runs nothing', async () => {
    const { app, win } = opened();
    const { page } = win;
    const loads: string[] = [];
    page.on('request', (request) => loads.push(new URL(request.url()).pathname));
    const body = '<img src=x onerror=window.e2eInjected=1> <b>hi</b>';
    const member = app.freshMember();
    app.sim.addInbound({ memberId: member.id, body });
    await page.getByRole('banner').getByRole('button', { name: 'Sync now' }).click();

    const row = conversationRow(page, memberName(member));
    await row.waitFor();
    expect(await row.locator('.row-preview').textContent()).toBe(body);
    await row.click();
    await threadPane(page).locator('.message-body').getByText(body, { exact: true }).waitFor();

    expect(await page.locator('#root img, #root b').count()).toBe(0);
    expect(await page.evaluate(() => 'e2eInjected' in window)).toBe(false);
    expect(loads.filter((path) => path === '/x')).toEqual([]);
  });

  it('search finds a message and opens its conversation at it', async () => {
    const { app, win } = opened();
    const { page } = win;
    const member = app.freshMember();
    const body = 'Can my kids use the climbing wall on weekends?';
    app.sim.addInbound({ memberId: member.id, body });
    await app.core.handlers.syncNow({});

    const search = page.getByRole('searchbox', { name: 'Search messages' });
    await search.fill('climbing');
    const results = page.getByRole('main', { name: 'Search results' });
    await results.getByRole('heading', { name: 'Results for “climbing”' }).waitFor();
    const hit = results.getByRole('button').filter({ hasText: memberName(member) });
    await hit.waitFor();
    expect(await hit.locator('mark').allTextContents()).toEqual(['climbing']);

    await hit.click();
    await threadTitle(page).getByText(memberName(member), { exact: true }).waitFor();
    const target = threadPane(page).locator('.message[aria-current="true"]');
    await target.waitFor();
    expect(await target.locator('.message-body').textContent()).toBe(body);
    expect(await hit.getAttribute('aria-current')).toBe('true');

    await search.press('Escape');
    await page.getByRole('main', { name: 'Conversations' }).waitFor();
  });

  it('j and k move the selection, e resolves, / focuses search', async () => {
    const { app, win } = opened();
    const { page } = win;
    const rows = page.getByRole('option');
    await rows.first().click();
    await blurFocus(page);
    expect(await selectedPosition(page)).toBe(1);

    await page.keyboard.press('j');
    await expect.poll(() => selectedPosition(page)).toBe(2);
    const second = rows.nth(1);
    const secondName = (await second.locator('.row-name').textContent()) ?? '';
    await threadTitle(page).getByText(secondName, { exact: true }).waitFor();

    await page.keyboard.press('k');
    await expect.poll(() => selectedPosition(page)).toBe(1);
    await page.keyboard.press('j');
    await expect.poll(() => selectedPosition(page)).toBe(2);

    const id = await rowConversationId(conversationRow(page, secondName));
    await page.keyboard.press('e');
    await threadPane(page).locator('.thread-header .chip--status').getByText('Resolved', { exact: true }).waitFor();
    await threadPane(page).getByRole('button', { name: 'Reopen' }).waitFor();
    expect((await app.core.handlers.getConversation({ conversationId: id })).status).toBe('resolved');

    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? null)).toBe('search-input');
  });
});
