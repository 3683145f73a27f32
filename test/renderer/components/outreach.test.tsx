import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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
    const listed = fake.calls.filter((c) => c.name === 'listScheduled').length;
    fake.announceScheduled(1);
    expect(await within(panel).findByText('3 h late')).toBeInTheDocument();
    // The event carried the items: nothing was fetched again.
    expect(fake.calls.filter((c) => c.name === 'listScheduled')).toHaveLength(listed);
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

describe('send later on the club clock', () => {
  it("reads the picked time in the club's zone, not this computer's, across a DST change", async () => {
    // The window's own zone is UTC (render-app); the club is in Los Angeles. 15:00 UTC is 8:00 AM PDT.
    const fake = new FakeFrontdesk({
      account: { clubTimeZone: 'America/Los_Angeles' },
      conversations: [makeConversation({ id: 1, memberName: 'Jane Doe' })],
      messages: [makeMessage({ conversationId: 1, body: 'Hi there' })],
    });
    const user = userEvent.setup();
    renderApp(fake);
    await user.click(await screen.findByRole('option', { name: /Jane Doe/ }));
    const form = await screen.findByRole('form', { name: 'Reply to Jane Doe' });
    const panel = screen.getByRole('region', { name: 'Send later and reminders' });
    const picker = within(panel).getByLabelText(/Send later at \(club time, PDT\)/);
    expect(picker).toHaveValue('2025-10-14T09:00');
    const text = within(form).getByRole('textbox', { name: 'Text message' });

    // Nov 2, 2025: Los Angeles goes back from PDT to PST at 2:00, so 1:30 happens twice; the first is meant.
    await user.type(text, 'See you tonight');
    fireEvent.change(picker, { target: { value: '2025-11-02T01:30' } });
    expect(within(panel).getByText(/happens twice that day; it goes the first time/)).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Send later' }));
    await waitFor(() => expect(fake.scheduled).toHaveLength(1));
    expect(fake.scheduled[0]!.dueAt).toBe('2025-11-02T08:30:00.000Z');

    // After the change: 9:00 AM PST is 17:00 UTC, and the label names PST.
    await user.type(text, 'Your class is tomorrow');
    fireEvent.change(picker, { target: { value: '2025-11-03T09:00' } });
    expect(within(panel).getByLabelText(/Send later at \(club time, PST\)/)).toBe(picker);
    await user.click(within(panel).getByRole('button', { name: 'Send later' }));
    await waitFor(() => expect(fake.scheduled).toHaveLength(2));
    expect(fake.scheduled[1]!.dueAt).toBe('2025-11-03T17:00:00.000Z');
    // Shown back on the club's clock too.
    expect(within(within(panel).getByRole('list', { name: 'Scheduled for this conversation' })).getByText(/Nov 3, 2025, 9:00\sAM/)).toBeInTheDocument();
  });
});

describe('follow-up settings', () => {
  it('adds, edits and removes waiting rules by intent and tag, and saves them in business hours', async () => {
    const fake = new FakeFrontdesk();
    const user = userEvent.setup();
    renderApp(fake);
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const form = await screen.findByRole('form', { name: 'Follow-ups' });
    const wait = within(form).getByRole('textbox', { name: 'Mark any conversation overdue after (business hours)' });
    expect(wait).toHaveValue('2');
    await user.clear(wait);
    await user.type(wait, '1.5');

    await user.click(within(form).getByRole('button', { name: 'Add a rule' }));
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Rule 1: Applies to' }), 'Complaint');
    const hours = within(form).getByRole('textbox', { name: 'Rule 1: Overdue after (business hours)' });
    await user.clear(hours);
    await user.type(hours, '0.5');
    await user.click(within(form).getByRole('button', { name: 'Add a rule' }));
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Rule 2: Applies to' }), 'A tag…');
    // A tag rule without its tag is refused before anything is sent.
    await user.click(within(form).getByRole('button', { name: 'Save follow-ups' }));
    expect(await within(form).findByText('name the tag (up to 60 characters)')).toBeInTheDocument();
    expect(fake.calls.some((c) => c.name === 'setOutreachSettings')).toBe(false);
    await user.type(within(form).getByRole('textbox', { name: 'Rule 2: Tag' }), 'vip');
    await user.click(within(form).getByRole('button', { name: 'Add a rule' }));
    await user.click(within(form).getByRole('button', { name: 'Remove rule 3' }));
    await user.click(within(form).getByRole('button', { name: 'Save follow-ups' }));
    expect(await within(form).findByText('Saved.')).toBeInTheDocument();
    const saved = fake.calls.find((c) => c.name === 'setOutreachSettings')?.args;
    expect(saved).toEqual({
      waitingRules: { defaultBusinessMinutes: 90, rules: [{ intent: 'complaint', businessMinutes: 30 }, { tag: 'vip', businessMinutes: 60 }] },
      lateLimitMinutes: 60,
    });
    // What waiting is counted in: Knowledge's hours.
    expect(within(form).getByText(/Waiting counts in the staffed hours from Knowledge/)).toBeInTheDocument();
  });
});
