// The assistant in the window: the composer's Draft reply (streamed, with notes, reported with the
// send), the approval queue driven by keyboard with batch approval, the sidebar count kept
// current by events, the why line in the thread, and Settings → Knowledge.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stubElementSize } from '../element-size';
import { FAKE_NOW, FakeFrontdesk, makeConversation, makeDraft, makeMessage } from '../fake-api';
import { renderApp } from '../render-app';

let restore: () => void;
beforeAll(() => {
  restore = stubElementSize();
});
afterAll(() => restore());

function fakeWith(setup: ConstructorParameters<typeof FakeFrontdesk>[0] = {}): FakeFrontdesk {
  return new FakeFrontdesk({
    conversations: [makeConversation({ id: 1, memberName: 'Jane Doe' }), makeConversation({ id: 2, memberName: 'Sam Lee' })],
    messages: [makeMessage({ conversationId: 1, body: 'Is the desk staffed tomorrow?' })],
    ...setup,
  });
}

describe('assistant', () => {
  it('streams a draft into the composer, shows its notes, and reports the draft with the send', async () => {
    const fake = fakeWith();
    fake.draftStream = ['Hi Jane!', 'Hi Jane! Tomorrow the desk'];
    fake.draftResult = { text: 'Hi Jane! Tomorrow the desk is staffed 9 AM–7 PM.', source: 'rules', notes: ['The model was not used: it timed out. This is the built-in draft.'], facts: [], draftId: 7 };
    const user = userEvent.setup();
    renderApp(fake);
    await user.click(await screen.findByRole('option', { name: /Jane Doe/ }));
    const form = await screen.findByRole('form', { name: 'Reply to Jane Doe' });
    await user.click(within(form).getByRole('button', { name: 'Draft reply' }));
    const box = within(form).getByRole('textbox', { name: 'Text message' });
    await waitFor(() => expect(box).toHaveValue('Hi Jane! Tomorrow the desk is staffed 9 AM–7 PM.'));
    expect(within(form).getByText(/The model was not used: it timed out/)).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Send text' }));
    await waitFor(() => expect(fake.callsOf('sendReply')).toEqual([{ conversationId: 1, channel: 'sms', body: 'Hi Jane! Tomorrow the desk is staffed 9 AM–7 PM.', draftId: 7 }]));
  });

  it('starts the composer from the assistant\'s draft for the newest text, never over typing', async () => {
    const fake = fakeWith({ queue: [makeDraft({ id: 5, conversationId: 1, status: 'suggested', body: 'Hi Jane! Tomorrow the front desk is staffed 9 AM–7 PM.', notes: ['Add your parking information in Settings → Knowledge; this draft leaves it out.'] })] });
    const user = userEvent.setup();
    renderApp(fake);
    await user.click(await screen.findByRole('option', { name: /Jane Doe/ }));
    const form = await screen.findByRole('form', { name: 'Reply to Jane Doe' });
    const box = within(form).getByRole('textbox', { name: 'Text message' });
    await waitFor(() => expect(box).toHaveValue('Hi Jane! Tomorrow the front desk is staffed 9 AM–7 PM.'));
    expect(within(form).getByText(/Add your parking information/)).toBeInTheDocument();
    await user.type(box, ' See you!');
    await user.click(within(form).getByRole('button', { name: 'Send text' }));
    await waitFor(() => expect(fake.callsOf('sendReply')).toEqual([{ conversationId: 1, channel: 'sms', body: 'Hi Jane! Tomorrow the front desk is staffed 9 AM–7 PM. See you!', draftId: 5 }]));
  });

  it('works the approval queue from the keyboard: edit, approve, reject, batch approve', async () => {
    const fake = fakeWith({
      queue: [
        makeDraft({ id: 1, conversationId: 1, memberName: 'Jane Doe', memberText: 'Is the desk staffed tomorrow?' }),
        makeDraft({ id: 2, conversationId: 2, memberName: 'Sam Lee', memberText: 'How much is a membership?', body: 'Our plans: Monthly $39.99 a month.', facts: [{ id: 'plans', text: 'plans' }] }),
        makeDraft({ id: 3, conversationId: 1, memberName: 'Jane Doe', memberText: 'Also, guests?' }),
        makeDraft({ id: 4, conversationId: 2, memberName: 'Sam Lee', memberText: 'parking?' }),
      ],
    });
    const user = userEvent.setup();
    renderApp(fake);
    const nav = await screen.findByRole('navigation', { name: 'Inboxes and filters' });
    const queueButton = await within(nav).findByRole('button', { name: /Approval queue.*4 drafts waiting/ });
    await user.click(queueButton);
    const dialog = await screen.findByRole('dialog', { name: 'Approval queue (4)' });
    const items = await within(dialog).findAllByRole('listitem');
    expect(items).toHaveLength(4);
    expect(within(items[1]!).getByText('How much is a membership?')).toBeInTheDocument();
    expect(within(items[1]!).getByText(/uses plans/)).toBeInTheDocument();
    expect(within(items[0]!).getByText('Not sent automatically: outside staffed hours.')).toBeInTheDocument();

    items[0]!.focus();
    await user.keyboard('e');
    const text = within(items[0]!).getByRole('textbox');
    expect(text).toHaveFocus();
    await user.type(text, ' See you!');
    await user.keyboard('{Escape}');
    expect(items[0]).toHaveFocus();
    await user.keyboard('a');
    await waitFor(() =>
      expect(fake.callsOf('decideDraft')).toEqual([{ draftId: 1, decision: 'approve', body: 'Hi! Tomorrow the front desk is staffed 9 AM–7 PM. See you!' }]),
    );
    await waitFor(() => expect(within(dialog).getAllByRole('listitem')).toHaveLength(3));
    within(dialog).getAllByRole('listitem')[0]!.focus();
    await user.keyboard('r');
    await waitFor(() => expect(fake.callsOf('decideDraft').at(-1)).toEqual({ draftId: 2, decision: 'reject' }));
    await waitFor(() => expect(within(dialog).getAllByRole('listitem')).toHaveLength(2));
    within(dialog).getAllByRole('listitem')[0]!.focus();
    await user.keyboard('x');
    await user.keyboard('j');
    await user.keyboard('x');
    await user.keyboard('{Shift>}A{/Shift}');
    await waitFor(() => expect(fake.callsOf('approveDrafts')).toEqual([{ draftIds: [3, 4] }]));
    expect(await within(dialog).findByText('Nothing waits for approval.')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(within(nav).getByRole('button', { name: 'Approval queue' })).toBeInTheDocument());
  });

  it('keeps the sidebar count current from events and shows why a reply went out by itself', async () => {
    const fake = fakeWith({
      actions: [
        {
          id: 9,
          at: new Date(FAKE_NOW - 60_000).toISOString(),
          kind: 'auto_sent',
          actor: 'assistant',
          conversationId: 1,
          messageId: 5,
          draftId: 2,
          memberName: 'Jane Doe',
          intent: 'question_about_schedule',
          confidence: 0.91,
          reason: null,
          detail: { sentMessageId: 6, facts: ['staffedHours'] },
        },
      ],
    });
    const user = userEvent.setup();
    renderApp(fake);
    const nav = await screen.findByRole('navigation', { name: 'Inboxes and filters' });
    fake.emit({ type: 'approvalQueueChanged', pending: 3 });
    expect(await within(nav).findByRole('button', { name: /Approval queue.*3 drafts waiting/ })).toBeInTheDocument();
    await user.click(await screen.findByRole('option', { name: /Jane Doe/ }));
    const why = await screen.findByRole('note', { name: 'What the assistant did' });
    expect(why).toHaveTextContent(/sent automatically \(91% sure it was Schedule; policy "send by itself"; used staffedHours\)/);
  });

  it('saves Knowledge typed as text and says which line is wrong', async () => {
    const fake = fakeWith();
    const user = userEvent.setup();
    renderApp(fake);
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const dialog = await screen.findByRole('dialog', { name: 'Settings' });
    const form = await within(dialog).findByRole('form', { name: 'Knowledge' });
    await user.type(within(form).getByLabelText('Monday', { selector: '#staffedHours-mon' }), '9:00-19:00');
    await user.type(within(form).getByLabelText('Sunday', { selector: '#staffedHours-sun' }), 'closed');
    await user.type(within(form).getByLabelText('Plans and prices'), 'Monthly | $39.99 a month{enter}Annual');
    await user.click(within(form).getByRole('button', { name: 'Save knowledge' }));
    expect(await within(form).findByText('Line 2: write name | price | details')).toBeInTheDocument();
    expect(fake.callsOf('saveKnowledge')).toEqual([]);
    await user.type(within(form).getByLabelText('Plans and prices'), ' | $399 a year');
    await user.click(within(form).getByRole('button', { name: 'Save knowledge' }));
    await waitFor(() => expect(fake.callsOf('saveKnowledge')).toHaveLength(1));
    const saved = fake.knowledge.knowledge;
    expect(saved.staffedHours).toEqual({ mon: [{ from: '09:00', to: '19:00' }], sun: [] });
    expect(saved.plans).toEqual([
      { name: 'Monthly', price: '$39.99 a month', details: '' },
      { name: 'Annual', price: '$399 a year', details: '' },
    ]);
    expect(await within(form).findByText('Saved as version 1.')).toBeInTheDocument();
  });
});
