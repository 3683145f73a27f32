// How the tests find things in the window: by role and accessible name where the markup gives
// one, by the few class names the views document otherwise.
import type { Locator, Page } from 'playwright-core';

/** The conversation list's row for a member. */
export function conversationRow(page: Page, memberName: string): Locator {
  return page.getByRole('option').filter({ has: page.locator('.row-name').getByText(memberName, { exact: true }) });
}

/** The number the row's unread badge shows, or null without one. */
export async function unreadBadge(row: Locator): Promise<string | null> {
  const badge = row.locator('.unread-badge [aria-hidden="true"]');
  return (await badge.count()) === 0 ? null : badge.textContent();
}

/** The conversation id a row stands for (rows carry `id="conversation-<id>"`). */
export async function rowConversationId(row: Locator): Promise<number> {
  const id = (await row.getAttribute('id')) ?? '';
  const match = /^conversation-(\d+)$/.exec(id);
  if (!match) throw new Error(`a conversation row has the unexpected id "${id}"`);
  return Number(match[1]);
}

export function threadPane(page: Page): Locator {
  return page.locator('aside.thread-pane');
}

export function threadTitle(page: Page): Locator {
  return threadPane(page).getByRole('heading', { level: 2 });
}

/** The count next to a sidebar filter ("All", "Unread"…), or null when it shows none. */
export async function filterCount(page: Page, label: string): Promise<number | null> {
  const item = page.getByRole('navigation', { name: 'Inboxes and filters' }).locator('.nav-item').filter({
    has: page.locator('.nav-label').getByText(label, { exact: true }),
  });
  const count = item.locator('.nav-count [aria-hidden="true"]');
  return (await count.count()) === 0 ? null : Number(await count.textContent());
}

/** The selected row's 1-based position in the list, or null when none is selected. */
export async function selectedPosition(page: Page): Promise<number | null> {
  const selected = page.locator('[role="option"][aria-selected="true"]');
  return (await selected.count()) === 0 ? null : Number(await selected.getAttribute('aria-posinset'));
}

/** Moves keyboard focus off any field, so single-key shortcuts are commands, not typing. */
export async function blurFocus(page: Page): Promise<void> {
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
}
