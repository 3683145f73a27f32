import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../../common/contract';
import { stubElementSize } from '../element-size';
import { FakeFrontdesk, makeConversation, makeMessage } from '../fake-api';
import { renderApp } from '../render-app';

let restore: () => void;
beforeAll(() => {
  restore = stubElementSize();
});
afterAll(() => restore());

async function openComposer(conversation: Partial<Conversation> = {}, setup: ConstructorParameters<typeof FakeFrontdesk>[0] = {}) {
  const fake = new FakeFrontdesk({
    conversations: [makeConversation({ id: 1, memberName: 'Jane Doe', ...conversation })],
    messages: [makeMessage({ conversationId: 1, body: 'Hi there' })],
    ...setup,
  });
  const user = userEvent.setup();
  const rendered = renderApp(fake);
  await user.click(await screen.findByRole('option', { name: /Jane Doe/ }));
  const form = await screen.findByRole('form', { name: 'Reply to Jane Doe' });
  return { ...rendered, fake, user, form };
}

describe('composer', () => {
  it('counts SMS length and segments, GSM-7 and UCS-2', async () => {
    const { form, user } = await openComposer();
    const box = within(form).getByRole('textbox', { name: 'Text message' });
    expect(within(form).getByText('Up to 160 characters per SMS')).toBeInTheDocument();
    await user.click(box);
    await user.paste('a'.repeat(160));
    expect(within(form).getByText('0 left · 1 SMS')).toBeInTheDocument();
    await user.type(box, 'b');
    expect(within(form).getByText('145 left · 2 SMS')).toBeInTheDocument();
    await user.clear(box);
    await user.type(box, 'See you 😀');
    expect(within(form).getByText(/^60 left · 1 SMS/)).toBeInTheDocument();
    expect(within(form).getByText(/special characters make each SMS shorter/)).toBeInTheDocument();
  });

  it('blocks SMS clearly when the member opted out, and offers email', async () => {
    const { form } = await openComposer({ optedOut: true });
    expect(within(form).getByRole('note')).toHaveTextContent('Jane opted out of texts.');
    expect(within(form).getByRole('radio', { name: 'SMS' })).toBeDisabled();
    expect(within(form).getByRole('radio', { name: 'Email' })).toBeChecked();
    expect(within(form).getByRole('button', { name: 'Send email' })).toBeInTheDocument();
    expect(within(form).queryByRole('button', { name: 'Send text' })).toBeNull();
  });

  it('a suggested reply fills the box and is reported with the send', async () => {
    const { form, user, fake } = await openComposer(
      { intent: 'question_about_schedule' },
      { suggestions: [{ id: 'schedule-1', intent: 'question_about_schedule', text: 'Our class schedule is on the app.' }] },
    );
    const group = await within(form).findByRole('group', { name: 'Suggested replies' });
    await user.click(within(group).getByRole('button', { name: 'Our class schedule is on the app.' }));
    const box = within(form).getByRole('textbox', { name: 'Text message' });
    expect(box).toHaveValue('Our class schedule is on the app.');
    expect(box).toHaveFocus();
    await user.click(within(form).getByRole('button', { name: 'Send text' }));
    await waitFor(() =>
      expect(fake.callsOf('sendReply')).toEqual([
        { conversationId: 1, channel: 'sms', body: 'Our class schedule is on the app.', suggestionId: 'schedule-1' },
      ]),
    );
  });

  it('sends with the API, shows the sent message and clears the box', async () => {
    const { form, user, fake } = await openComposer();
    const box = within(form).getByRole('textbox', { name: 'Text message' });
    const send = within(form).getByRole('button', { name: 'Send text' });
    expect(send).toBeDisabled();
    await user.type(box, '  See you at 10!  ');
    await user.click(send);
    await waitFor(() => expect(fake.callsOf('sendReply')).toEqual([{ conversationId: 1, channel: 'sms', body: 'See you at 10!' }]));
    const pane = screen.getByRole('complementary', { name: 'Conversation with Jane Doe' });
    expect((await within(pane).findByText('See you at 10!')).closest('li')).toHaveClass('message--outbound');
    expect(box).toHaveValue('');
  });

  it('sends an email with its subject on Ctrl+Enter', async () => {
    const { form, user, fake } = await openComposer();
    await user.click(within(form).getByRole('radio', { name: 'Email' }));
    await user.type(within(form).getByRole('textbox', { name: 'Subject' }), 'Your membership');
    await user.type(within(form).getByRole('textbox', { name: 'Email message' }), 'Details inside.');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() =>
      expect(fake.callsOf('sendReply')).toEqual([{ conversationId: 1, channel: 'email', body: 'Details inside.', subject: 'Your membership' }]),
    );
  });

  it('shows why a send failed and keeps the draft', async () => {
    const { form, user, fake } = await openComposer();
    fake.failNext('sendReply', { code: 'clubos_network', message: 'ClubOS did not answer.' });
    const box = within(form).getByRole('textbox', { name: 'Text message' });
    await user.type(box, 'Hello');
    await user.click(within(form).getByRole('button', { name: 'Send text' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Not sent: ClubOS did not answer.');
    expect(box).toHaveValue('Hello');
  });

  it('r focuses the reply box', async () => {
    const { form, user } = await openComposer();
    await user.click(document.body);
    await user.keyboard('r');
    expect(within(form).getByRole('textbox', { name: 'Text message' })).toHaveFocus();
    expect(within(form).getByRole('textbox', { name: 'Text message' })).toHaveValue('');
  });
});
