// Team mode in the window over the fake core: the collision question before a send, presence
// announced without a call per key, others' presence shown, notes kept apart from replies, the
// take-over question, the Mine filter, and Settings → Team never showing the string back.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../../common/contract';
import { stubElementSize } from '../element-size';
import { FAKE_NOW, FakeFrontdesk, makeConversation, makeMessage } from '../fake-api';
import { renderApp } from '../render-app';

let restore: () => void;
beforeAll(() => {
  restore = stubElementSize();
});
afterAll(() => restore());

const JORDAN = { id: 'jordan', name: 'Jordan' };

async function openThread(conversation: Partial<Conversation> = {}) {
  const fake = new FakeFrontdesk({
    conversations: [makeConversation({ id: 1, memberName: 'Jane Doe', ...conversation })],
    messages: [makeMessage({ conversationId: 1, body: 'Hi there' })],
  });
  const user = userEvent.setup();
  const rendered = renderApp(fake);
  await user.click(await screen.findByRole('option', { name: /Jane Doe/ }));
  const form = await screen.findByRole('form', { name: 'Reply to Jane Doe' });
  return { ...rendered, fake, user, form };
}

describe('team mode in the window', () => {
  it('a send that would collide asks first; Cancel sends nothing, Send anyway confirms', async () => {
    const { fake, user, form } = await openThread();
    fake.failNext('sendReply', {
      code: 'confirm_needed',
      message: 'Jordan replied to this conversation in the last minute. Send anyway?',
      collision: { kind: 'replied', staff: JORDAN, at: new Date(FAKE_NOW - 30_000).toISOString() },
    });
    await user.type(within(form).getByRole('textbox', { name: 'Text message' }), 'On my way');
    await user.click(within(form).getByRole('button', { name: 'Send text' }));
    const ask = await screen.findByRole('dialog', { name: 'Send anyway?' });
    expect(ask).toHaveTextContent('Jordan replied 30 s ago — send anyway?');
    expect(within(ask).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Send anyway?' })).toBeNull());
    expect(fake.callsOf('sendReply')).toHaveLength(1);
    expect(within(form).getByRole('textbox', { name: 'Text message' })).toHaveValue('On my way');

    fake.failNext('sendReply', {
      code: 'confirm_needed',
      message: 'Jordan is replying right now.',
      collision: { kind: 'replying', staff: JORDAN, at: new Date(FAKE_NOW).toISOString() },
    });
    await user.click(within(form).getByRole('button', { name: 'Send text' }));
    const again = await screen.findByRole('dialog', { name: 'Send anyway?' });
    expect(again).toHaveTextContent('Jordan is replying right now — send anyway?');
    await user.click(within(again).getByRole('button', { name: 'Send anyway' }));
    await waitFor(() => expect(fake.callsOf('sendReply')).toHaveLength(3));
    expect(fake.callsOf('sendReply')[2]).toMatchObject({ body: 'On my way', confirmCollision: true });
    await waitFor(() => expect(within(form).getByRole('textbox', { name: 'Text message' })).toHaveValue(''));
  });

  it('announces viewing on open, replying once while typing, and none on leaving', async () => {
    const { fake, user, form, unmount } = await openThread();
    await waitFor(() => expect(fake.callsOf('setPresence')).toContainEqual({ conversationId: 1, state: 'viewing' }));
    await user.type(within(form).getByRole('textbox', { name: 'Text message' }), 'Hello there, Jane');
    await waitFor(() => expect(fake.callsOf('setPresence')).toContainEqual({ conversationId: 1, state: 'replying' }));
    // Seventeen keys, one announcement (renewals come from a 5 s timer, not from keys).
    expect(fake.callsOf('setPresence').filter((a) => (a as { state: string }).state === 'replying')).toHaveLength(1);
    unmount();
    expect(fake.callsOf('setPresence').at(-1)).toEqual({ conversationId: 1, state: 'none' });
  });

  it("shows who else is here, and updates when they start replying or leave", async () => {
    const { fake } = await openThread();
    const expiresAt = new Date(FAKE_NOW + 15_000).toISOString();
    act(() => {
      fake.emit({ type: 'presenceChanged', conversationId: 1, presence: [{ conversationId: 1, staff: JORDAN, state: 'viewing', expiresAt }] });
    });
    expect(await screen.findByText('Jordan is viewing')).toBeInTheDocument();
    act(() => {
      fake.emit({
        type: 'presenceChanged',
        conversationId: 1,
        presence: [
          { conversationId: 1, staff: JORDAN, state: 'replying', expiresAt },
          { conversationId: 1, staff: { id: 'sam', name: 'Sam' }, state: 'viewing', expiresAt },
        ],
      });
    });
    expect(await screen.findByText('Jordan is replying · Sam is viewing')).toBeInTheDocument();
    act(() => {
      fake.emit({ type: 'presenceChanged', conversationId: 1, presence: [] });
    });
    await waitFor(() => expect(screen.queryByText(/is viewing|is replying/)).toBeNull());
  });

  it('a note is written in Note mode, shown as internal, and the reply draft is kept', async () => {
    const { fake, user, form } = await openThread();
    await user.type(within(form).getByRole('textbox', { name: 'Text message' }), 'Draft reply');
    await user.click(within(form).getByRole('radio', { name: 'Note' }));
    const noteForm = await screen.findByRole('form', { name: 'Internal note on Jane Doe' });
    await user.type(within(noteForm).getByRole('textbox', { name: 'Internal note' }), 'Called, no answer');
    await user.click(within(noteForm).getByRole('button', { name: 'Add note' }));
    const note = await screen.findByRole('listitem', { name: /^Internal note by/ });
    expect(note).toHaveTextContent('Called, no answer');
    expect(fake.callsOf('addNote')).toEqual([{ conversationId: 1, body: 'Called, no answer' }]);
    expect(fake.callsOf('sendReply')).toEqual([]);
    await user.click(within(noteForm).getByRole('radio', { name: 'Reply' }));
    const back = await screen.findByRole('form', { name: 'Reply to Jane Doe' });
    expect(within(back).getByRole('textbox', { name: 'Text message' })).toHaveValue('Draft reply');
  });

  it('m assigns to me; taking a conversation someone holds asks first', async () => {
    const { fake, user } = await openThread();
    await user.click(screen.getByRole('option', { name: /Jane Doe/ }));
    await user.keyboard('m');
    await waitFor(() => expect(fake.callsOf('assignConversation')).toEqual([{ conversationId: 1, to: { kind: 'me' } }]));
    expect(await screen.findByText('Assigned to you')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Mine/ })).toBeInTheDocument();

    fake.failNext('assignConversation', { code: 'already_assigned', message: 'Jordan has this conversation.', assignee: JORDAN });
    await user.selectOptions(screen.getByRole('combobox', { name: /^Assign/ }), 'nobody');
    const ask = await screen.findByRole('dialog', { name: 'Take over?' });
    expect(ask).toHaveTextContent('Jordan has this conversation. Take it over?');
    await user.click(within(ask).getByRole('button', { name: 'Take over' }));
    await waitFor(() => expect(fake.callsOf('assignConversation').at(-1)).toEqual({ conversationId: 1, to: { kind: 'nobody' }, takeOver: true }));
  });

  it('Settings → Team: the connection string is a password field, sent once and never shown again', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 1, memberName: 'Jane Doe' })], messages: [] });
    const user = userEvent.setup();
    renderApp(fake);
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const team = await screen.findByRole('region', { name: 'Team' });
    const field = within(team).getByLabelText('PostgreSQL connection string');
    expect(field).toHaveAttribute('type', 'password');
    await user.type(field, 'postgres://desk:s3cret@127.0.0.1:5432/frontdesk');
    await user.click(within(team).getByRole('button', { name: 'Join team' }));
    await waitFor(() => expect(fake.callsOf('setTeam')).toEqual([{ connectionString: 'postgres://desk:s3cret@127.0.0.1:5432/frontdesk' }]));
    await waitFor(() => expect(within(team).getByLabelText(/connection string/)).toHaveValue(''));
    expect(document.body.innerHTML).not.toContain('s3cret');
  });
});
