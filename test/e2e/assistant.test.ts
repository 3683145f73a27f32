// The assistant in the real window (Debian's Chromium against the real core): a member's question
// is drafted from Knowledge and queued; staff see it in the sidebar count, approve it from the
// keyboard in the approval queue, and it reaches ClubOS once. The queue and the Knowledge and
// Assistant settings are checked for contrast and overflow like the other views.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assistantSettingsSchema } from '../../common/assistant-settings';
import { knowledgeSchema } from '../../common/knowledge';
import { memberName, startAccountApp, type AccountApp } from './harness/account-app';
import { browserSuite } from './harness/browser-suite';
import { horizontalOverflow, lowContrastText } from './harness/layout-checks';
import { saveScreenshot } from './harness/screenshots';

const suite = browserSuite(() => startAccountApp({ seed: 41, historyDays: 3, pollSeconds: 600, members: 40 }), {
  timeZone: (app) => app.sim.timeZone,
  ready: (win) => win.page.getByRole('option').first().waitFor(),
});

function opened(): { app: AccountApp; page: Page } {
  const { app, win } = suite();
  return { app, page: win.page };
}

async function checkView(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name);
  expect({ view: name, overflow: await horizontalOverflow(page, ['.sidebar', '.modal']) }).toEqual({ view: name, overflow: [] });
  expect({ view: name, lowContrast: await lowContrastText(page) }).toEqual({ view: name, lowContrast: [] });
}

describe('the assistant in the window', () => {
  it('queues a drafted answer and sends it once when staff approve it from the keyboard', async () => {
    const { app, page } = opened();
    const allDay = [{ from: '00:00', to: '24:00' }];
    await app.core.handlers.saveKnowledge({
      knowledge: knowledgeSchema.parse({
        staffedHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
        guestPolicy: 'Members may bring one guest per visit; guests sign a waiver and show ID.',
      }),
    });
    const { settings } = await app.core.handlers.getAssistant({});
    const policy = Object.fromEntries(Object.keys(settings.policy).map((i) => [i, 'queue']));
    await app.core.handlers.setAssistant({ settings: assistantSettingsSchema.parse({ ...settings, policy }) });

    const member = app.freshMember();
    const before = app.sim.followUpLog(member.id).filter((e) => e.direction === 'outbound').length;
    app.sim.addInbound({ memberId: member.id, body: 'Can I bring a guest on Saturday?' });
    await app.core.handlers.syncNow({});

    const queueButton = page.getByRole('navigation', { name: 'Inboxes and filters' }).getByRole('button', { name: /Approval queue.*1 draft waiting/ });
    await queueButton.waitFor();
    await queueButton.click();
    const dialog = page.getByRole('dialog', { name: /^Approval queue/ });
    await page.getByRole('dialog', { name: 'Approval queue (1)' }).waitFor();
    const item = dialog.getByRole('listitem').first();
    await item.getByText('Can I bring a guest on Saturday?').waitFor();
    await item.getByText(/uses guestPolicy/).waitFor();
    await checkView(page, 'approval-queue');

    await item.focus();
    await page.keyboard.press('a');
    await dialog.getByText('Nothing waits for approval.').waitFor();
    const sent = app.sim.followUpLog(member.id).filter((e) => e.direction === 'outbound');
    expect(sent.length - before).toBe(1);
    expect(sent[0]!.body).toContain('guests sign a waiver and show ID');
    await page.keyboard.press('Escape');

    // The thread shows the reply; the queue count is gone.
    await page.getByRole('option', { name: new RegExp(memberName(member)) }).click();
    await page.getByText(/guests sign a waiver and show ID/).first().waitFor();
    await page.getByRole('navigation', { name: 'Inboxes and filters' }).getByRole('button', { name: 'Approval queue' }).waitFor();
  });

  it('shows Knowledge and Assistant settings readably', async () => {
    const { page } = opened();
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('form', { name: 'Knowledge' }).scrollIntoViewIfNeeded();
    await checkView(page, 'settings-knowledge');
    await dialog.getByRole('form', { name: 'Assistant' }).scrollIntoViewIfNeeded();
    await checkView(page, 'settings-assistant');
  });
});
