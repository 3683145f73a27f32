import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stubElementSize } from '../element-size';
import { FakeFrontdesk, makeConversation, makeMessage } from '../fake-api';
import { renderApp } from '../render-app';

let restore: () => void;
beforeAll(() => {
  restore = stubElementSize();
});
afterAll(() => restore());

describe('send later and reminders', () => {
  it('schedules the draft, sets a reminder from the keyboard, and shows the late mark and confirm step', async () => {
    const fake = new FakeFrontdesk({
      conversations: [makeConversation({ id: 1, memberName: 'Jane Doe' })],
      messages: [makeMessage({ conversationId: 1, body: 'Hi there' })],
    });
    const user = userEvent.setup();
    renderApp(fake);
    await user.click(await screen.findByRole('option', { name: /Jane Doe/ }));
    const form = await screen.findByRole('form', { name: 'Reply to Jane Doe' });
    const panel = screen.getByRole('region', { name: 'Send later and reminders' });
    expect(within(panel).getByRole('button', { name: 'Send later' })).toBeDisabled();
    await user.type(within(form).getByRole('textbox', { name: 'Text message' }), 'Your towel is at the desk');
    await user.click(within(panel).getByRole('button', { name: 'Send later' }));
    await waitFor(() => expect(fake.calls.some((c) => c.name === 'scheduleSend')).toBe(true));
    expect(fake.scheduled[0]).toMatchObject({ kind: 'send', body: 'Your towel is at the desk', channel: 'sms' });
    // The draft went into the schedule.
    await waitFor(() => expect(within(form).getByRole('textbox', { name: 'Text message' })).toHaveValue(''));

    await user.keyboard('{Control>}{Shift>}m{/Shift}{/Control}');
    await waitFor(() => expect(fake.scheduled.map((i) => i.kind)).toEqual(['send', 'remind']));

    // A text that came due while the app was closed waits for staff.
    fake.scheduled[0] = { ...fake.scheduled[0]!, state: 'needs_confirmation', lateByMs: 3 * 3_600_000, outcome: 'Due 3 h ago while Frontdesk was not running' };
    fake.emit({ type: 'scheduledChanged', conversationId: 1 });
    expect(await within(panel).findByText('3 h late')).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Send now' }));
    await waitFor(() => expect(fake.calls.some((c) => c.name === 'confirmScheduled')).toBe(true));
  });
});

describe('campaigns', () => {
  it('drafts a campaign from a tag filter, then needs a named approval to start it', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 1, memberName: 'Jane Doe', tags: ['vip'] })] });
    const user = userEvent.setup();
    renderApp(fake);
    await user.click(await screen.findByRole('button', { name: 'Campaigns' }));
    const dialog = await screen.findByRole('dialog', { name: 'Campaigns' });
    await user.click(within(dialog).getByRole('button', { name: 'New campaign' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Holiday hours');
    await user.click(within(dialog).getByRole('button', { name: 'First name' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Tag' }), 'vip');
    await user.click(within(dialog).getByRole('button', { name: 'Create draft and preview' }));
    await within(dialog).findByRole('region', { name: 'Campaign Holiday hours' });
    const created = fake.calls.find((c) => c.name === 'createCampaign');
    expect(created?.args).toMatchObject({ name: 'Holiday hours', body: 'Hi {firstName}, {firstName}', source: { kind: 'conversations', statuses: ['open'], tag: 'vip' }, sendingHours: { from: '08:00', to: '21:00' } });
    const approver = within(dialog).getByRole('textbox', { name: 'Approved by' });
    await user.clear(approver);
    expect(within(dialog).getByRole('button', { name: /Approve and send/ })).toBeDisabled();
  });
});

describe('follow-up settings', () => {
  it('saves the waiting rule, the late limit and the staffed hours', async () => {
    const fake = new FakeFrontdesk();
    const user = userEvent.setup();
    renderApp(fake);
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const form = await screen.findByRole('form', { name: 'Follow-ups' });
    const wait = within(form).getByRole('spinbutton', { name: 'Business minutes a member may wait' });
    expect(wait).toHaveValue(120);
    await user.clear(wait);
    await user.type(wait, '45');
    await user.click(within(form).getByRole('checkbox', { name: 'Sunday' }));
    await user.click(within(form).getByRole('button', { name: 'Save follow-ups' }));
    expect(await within(form).findByText('Saved.')).toBeInTheDocument();
    const saved = fake.calls.find((c) => c.name === 'setOutreachSettings')?.args as { waitingRules: { defaultBusinessMinutes: number }; businessHours: { week: unknown[] } };
    expect(saved.waitingRules.defaultBusinessMinutes).toBe(45);
    expect(saved.businessHours.week[0]).toBeNull();
  });
});
