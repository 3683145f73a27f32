import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeFrontdesk, FAKE_NOW, makeConversation, makeMessage } from '../fake-api';
import { stubElementSize } from '../element-size';
import { memoryStorage, renderApp } from '../render-app';


let restore: () => void;
beforeAll(() => {
  restore = stubElementSize();
});
afterAll(() => restore());

function listbox(): HTMLElement {
  return screen.getByRole('listbox', { name: /conversations/i });
}

describe('conversation list', () => {
  it('renders rows with name, preview, time, unread badge, tags and waiting time', async () => {
    const fake = new FakeFrontdesk({
      conversations: [
        makeConversation({
          id: 1,
          memberName: 'Jane Doe',
          lastMessagePreview: 'Can I freeze my membership?',
          lastMessageAt: new Date(FAKE_NOW - 5 * 60_000).toISOString(),
          unreadCount: 3,
          requiresResponse: true,
          waitingSince: new Date(FAKE_NOW - 90 * 60_000).toISOString(),
          intent: 'question_about_membership',
          tags: ['vip'],
        }),
        makeConversation({ id: 2, memberName: 'Sam Read', lastMessagePreview: 'Thanks!', status: 'resolved' }),
      ],
    });
    // The comfortable density shows tags on a line of their own (compact leaves them out).
    const prefStorage = memoryStorage();
    prefStorage.setItem('frontdesk.listPrefs', JSON.stringify({ sort: 'newest', density: 'comfortable' }));
    renderApp(fake, { prefStorage });
    const jane = await screen.findByRole('option', { name: /Jane Doe/ });
    expect(within(jane).getByText('Can I freeze my membership?')).toBeInTheDocument();
    expect(within(jane).getByText('2:55 PM')).toBeInTheDocument();
    expect(within(jane).getByText('(3 unread)')).toBeInTheDocument();
    expect(within(jane).getByText('Membership')).toBeInTheDocument();
    expect(within(jane).getByText('vip')).toBeInTheDocument();
    expect(within(jane).getByText('(waiting 1 hour)')).toBeInTheDocument();
    expect(jane).toHaveClass('row--unread');

    const sam = screen.getByRole('option', { name: /Sam Read/ });
    expect(within(sam).queryByText(/unread/)).toBeNull();
    expect(within(sam).getByText('Resolved')).toBeInTheDocument();
    expect(sam).not.toHaveClass('row--unread');
  });

  it('renders only a window of rows of a long list, and loads the next page near the end', async () => {
    const conversations = Array.from({ length: 250 }, (_, i) => makeConversation({ id: i + 1 }));
    const fake = new FakeFrontdesk({ conversations });
    const { store } = renderApp(fake);
    await screen.findByRole('option', { name: /Member 1\b/ });
    const rendered = within(listbox()).getAllByRole('option').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(40);
    expect(store.getState().list.items).toHaveLength(100);

    const scroller = listbox();
    scroller.scrollTop = 85 * 76;
    fireEvent.scroll(scroller);
    await waitFor(() => expect(store.getState().list.items).toHaveLength(200));
    expect(fake.callsOf('listConversations').at(-1)).toMatchObject({ cursor: '100' });
  });

  it('selects with j and k, opens the thread and marks it read', async () => {
    const fake = new FakeFrontdesk({
      conversations: [makeConversation({ id: 1, memberName: 'Ann', unreadCount: 1 }), makeConversation({ id: 2, memberName: 'Bob' })],
      messages: [makeMessage({ conversationId: 1, body: 'from Ann' }), makeMessage({ conversationId: 2, body: 'from Bob' })],
    });
    const user = userEvent.setup();
    renderApp(fake);
    await screen.findByRole('option', { name: /Ann/ });

    await user.keyboard('j');
    await waitFor(() => expect(screen.getByRole('option', { name: /Ann/ })).toHaveAttribute('aria-selected', 'true'));
    expect(await screen.findByText('from Ann')).toBeInTheDocument();
    await waitFor(() => expect(fake.callsOf('markRead')).toEqual([{ conversationId: 1 }]));
    await waitFor(() => expect(screen.getByRole('option', { name: /Ann/ })).not.toHaveClass('row--unread'));

    await user.keyboard('j');
    await waitFor(() => expect(screen.getByRole('option', { name: /Bob/ })).toHaveAttribute('aria-selected', 'true'));
    expect(screen.getByRole('option', { name: /Ann/ })).toHaveAttribute('aria-selected', 'false');
    expect(await screen.findByText('from Bob')).toBeInTheDocument();

    await user.keyboard('k');
    await waitFor(() => expect(screen.getByRole('option', { name: /Ann/ })).toHaveAttribute('aria-selected', 'true'));
    expect(listbox()).toHaveAttribute('aria-activedescendant', 'conversation-1');
  });

  it('ignores shortcuts while typing in a field', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 1, memberName: 'Ann' })] });
    const user = userEvent.setup();
    renderApp(fake);
    await screen.findByRole('option', { name: /Ann/ });
    await user.type(screen.getByRole('searchbox', { name: 'Search messages' }), 'jk');
    expect(screen.getByRole('option', { name: /Ann/ })).toHaveAttribute('aria-selected', 'false');
  });

  it('e resolves and u marks unread the open conversation', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 1, memberName: 'Ann' })], messages: [makeMessage({ conversationId: 1 })] });
    const user = userEvent.setup();
    renderApp(fake);
    await user.click(await screen.findByRole('option', { name: /Ann/ }));
    await screen.findByRole('heading', { name: 'Ann' });
    await user.keyboard('e');
    await waitFor(() => expect(fake.callsOf('setStatus')).toEqual([{ conversationId: 1, status: 'resolved' }]));
    await user.keyboard('u');
    await waitFor(() => expect(fake.callsOf('markUnread')).toEqual([{ conversationId: 1 }]));
    await waitFor(() => expect(screen.getByRole('option', { name: /Ann/ })).toHaveClass('row--unread'));
  });

  it('filters from the sidebar, with counts, and shows the designed empty state', async () => {
    const fake = new FakeFrontdesk({
      conversations: [makeConversation({ id: 1, memberName: 'Ann', unreadCount: 2 }), makeConversation({ id: 2, memberName: 'Bob' })],
    });
    const user = userEvent.setup();
    renderApp(fake);
    const nav = screen.getByRole('navigation', { name: 'Inboxes and filters' });
    const unread = await within(nav).findByRole('button', { name: /^Unread \(1 conversation\)/ });
    await user.click(unread);
    expect(unread).toHaveAttribute('aria-current', 'page');
    await waitFor(() => expect(screen.queryByRole('option', { name: /Bob/ })).toBeNull());
    expect(screen.getByRole('option', { name: /Ann/ })).toBeInTheDocument();

    await user.click(within(nav).getByRole('button', { name: /^Snoozed/ }));
    expect(await screen.findByText('No snoozed conversations.')).toBeInTheDocument();
  });

  it('lists intent tags with counts and filters by them', async () => {
    const fake = new FakeFrontdesk({
      conversations: [
        makeConversation({ id: 1, memberName: 'Ann', intent: 'question_about_billing' }),
        makeConversation({ id: 2, memberName: 'Bob', intent: 'complaint' }),
        makeConversation({ id: 3, memberName: 'Cy', intent: 'question_about_billing' }),
      ],
    });
    const user = userEvent.setup();
    renderApp(fake);
    const billing = await screen.findByRole('button', { name: /^Billing \(2 conversations\)/ });
    await user.click(billing);
    expect(billing).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(screen.queryByRole('option', { name: /Bob/ })).toBeNull());
    expect(fake.callsOf('listConversations').at(-1)).toMatchObject({ tag: 'question_about_billing' });
    expect(screen.getByRole('listbox', { name: 'All conversations tagged Billing' })).toBeInTheDocument();
  });

  it('shows an error with Try again when the list cannot load', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 1, memberName: 'Ann' })] });
    fake.failNext('listConversations', { code: 'internal', message: 'The database is busy.' });
    const user = userEvent.setup();
    renderApp(fake);
    expect(await screen.findByText('The database is busy.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('option', { name: /Ann/ })).toBeInTheDocument();
  });
});
