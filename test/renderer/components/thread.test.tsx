import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../common/contract';
import { stubElementSize } from '../element-size';
import { FakeFrontdesk, FAKE_NOW, makeConversation, makeMessage } from '../fake-api';
import { renderApp } from '../render-app';

let restore: () => void;
beforeAll(() => {
  restore = stubElementSize();
});
afterAll(() => restore());

async function openConversation(fake: FakeFrontdesk, name: string) {
  const user = userEvent.setup();
  const rendered = renderApp(fake);
  await user.click(await screen.findByRole('option', { name: new RegExp(name) }));
  const pane = await screen.findByRole('complementary', { name: `Conversation with ${name}` });
  await within(pane).findByRole('heading', { level: 2, name });
  return { ...rendered, user, pane };
}

describe('thread', () => {
  it('groups messages by day with headings and styles directions apart', async () => {
    const fake = new FakeFrontdesk({
      conversations: [makeConversation({ id: 1, memberName: 'Jane Doe' })],
      messages: [
        makeMessage({ conversationId: 1, body: 'Two days ago', sentAt: '2025-10-12T14:00:00.000Z' }),
        makeMessage({ conversationId: 1, body: 'Yesterday morning', sentAt: '2025-10-13T09:30:00.000Z' }),
        makeMessage({ conversationId: 1, direction: 'outbound', senderName: 'Front Desk', body: 'Our reply', sentAt: '2025-10-13T09:40:00.000Z' }),
        makeMessage({ conversationId: 1, direction: 'system', senderName: '', body: 'STOP - OPT OUT message received.', sentAt: '2025-10-14T08:00:00.000Z', localTime: null }),
        makeMessage({ conversationId: 1, body: 'Today', sentAt: '2025-10-14T14:10:00.000Z' }),
      ],
    });
    const { pane } = await openConversation(fake, 'Jane Doe');
    const headings = within(pane).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['Sunday, October 12', 'Yesterday', 'Today']);

    const yesterday = within(pane).getByRole('region', { name: 'Yesterday' });
    expect(within(yesterday).getAllByRole('listitem').map((li) => li.querySelector('.message-body')?.textContent)).toEqual(['Yesterday morning', 'Our reply']);
    expect(within(pane).getByText('Yesterday morning').closest('li')).toHaveClass('message--inbound');
    expect(within(pane).getByText('Our reply').closest('li')).toHaveClass('message--outbound');
    expect(within(pane).getByText('STOP - OPT OUT message received.').closest('li')).toHaveClass('message--system');
    expect(within(yesterday).getByText('9:30 AM')).toBeInTheDocument();
  });

  it('renders message bodies as text, never as HTML', async () => {
    const attack = '<img src=x onerror=alert(1)><b>bold</b>';
    const fake = new FakeFrontdesk({
      conversations: [makeConversation({ id: 1, memberName: 'Mallory', lastMessagePreview: attack })],
      messages: [makeMessage({ conversationId: 1, body: attack })],
    });
    const { container, pane } = await openConversation(fake, 'Mallory');
    const body = within(pane).getByText(attack);
    expect(body.tagName).toBe('P');
    expect(body.textContent).toBe(attack);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });

  it('loads older messages with the before cursor', async () => {
    const messages = Array.from({ length: 60 }, (_, i) =>
      makeMessage({ conversationId: 1, body: `message ${i}`, sentAt: new Date(FAKE_NOW - (60 - i) * 60_000).toISOString() }),
    );
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 1, memberName: 'Jane' })], messages });
    const { pane, user } = await openConversation(fake, 'Jane');
    expect(within(pane).queryByText('message 0')).toBeNull();
    expect(within(pane).getByText('message 59')).toBeInTheDocument();
    await user.click(within(pane).getByRole('button', { name: 'Load older messages' }));
    expect(await within(pane).findByText('message 0')).toBeInTheDocument();
    expect(fake.callsOf('listMessages').at(-1)).toEqual({ conversationId: 1, before: String(messages[10]!.id), limit: 50 });
    expect(within(pane).queryByRole('button', { name: 'Load older messages' })).toBeNull();
  });

  it('fetches ClubOS history on request and says how much came', async () => {
    const fake = new FakeFrontdesk({
      conversations: [makeConversation({ id: 1, memberName: 'Jane' })],
      messages: [makeMessage({ conversationId: 1, body: 'recent' })],
      history: [makeMessage({ conversationId: 1, body: 'from last year', sentAt: '2024-09-01T10:00:00.000Z' })],
    });
    const { pane, user } = await openConversation(fake, 'Jane');
    await user.click(within(pane).getByRole('button', { name: 'Fetch earlier history from ClubOS' }));
    expect(await within(pane).findByText('1 earlier message added.')).toBeInTheDocument();
    expect(within(pane).getByText('from last year')).toBeInTheDocument();
    expect(within(pane).getByRole('heading', { level: 3, name: 'Sunday, September 1, 2024' })).toBeInTheDocument();
  });

  it('shows a "new messages" pill when scrolled up, and marks read when the user goes down', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 1, memberName: 'Jane' })], messages: [makeMessage({ conversationId: 1, body: 'hi' })] });
    const { pane } = await openConversation(fake, 'Jane');
    const scroller = within(pane).getByRole('region', { name: 'Messages' });
    Object.defineProperty(scroller, 'scrollHeight', { configurable: true, value: 2000 });
    scroller.scrollTop = 100;
    fireEvent.scroll(scroller);

    act(() => {
      fake.receive(1, 'are you there?');
    });
    const pill = await within(pane).findByRole('button', { name: /1 new message/ });
    expect(within(pane).getByText('are you there?')).toBeInTheDocument();
    expect(fake.callsOf('markRead')).toEqual([]);

    fireEvent.click(pill);
    await waitFor(() => expect(fake.callsOf('markRead')).toEqual([{ conversationId: 1 }]));
    expect(within(pane).queryByRole('button', { name: /new message/ })).toBeNull();
    expect(scroller.scrollTop).toBe(2000);
  });

  it('marks arrivals read at once when the user is at the bottom and looking', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 1, memberName: 'Jane' })], messages: [makeMessage({ conversationId: 1, body: 'hi' })] });
    const { pane } = await openConversation(fake, 'Jane');
    act(() => {
      fake.receive(1, 'one more thing');
    });
    expect(await within(pane).findByText('one more thing')).toBeInTheDocument();
    await waitFor(() => expect(fake.callsOf('markRead')).toEqual([{ conversationId: 1 }]));
    expect(within(pane).queryByRole('button', { name: /new message/ })).toBeNull();
  });

  it('waits for the window to be looked at before marking arrivals read', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 1, memberName: 'Jane' })], messages: [makeMessage({ conversationId: 1, body: 'hi' })] });
    const { pane, deps } = await openConversation(fake, 'Jane');
    deps.setAttentive(false);
    act(() => {
      window.dispatchEvent(new Event('blur'));
      fake.receive(1, 'while away');
    });
    expect(await within(pane).findByText('while away')).toBeInTheDocument();
    expect(fake.callsOf('markRead')).toEqual([]);
    deps.setAttentive(true);
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await waitFor(() => expect(fake.callsOf('markRead')).toEqual([{ conversationId: 1 }]));
  });

  it('shows the designed states: nothing open, and an error with Try again', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 1, memberName: 'Jane' })], messages: [] as Message[] });
    fake.failNext('listMessages', { code: 'internal', message: 'Disk full.' });
    const user = userEvent.setup();
    renderApp(fake);
    expect(await screen.findByText('No conversation open')).toBeInTheDocument();
    await user.click(await screen.findByRole('option', { name: /Jane/ }));
    expect(await screen.findByText('Disk full.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No messages in this conversation yet.')).toBeInTheDocument();
  });
});
