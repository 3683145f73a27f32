import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stubElementSize } from '../element-size';
import { FakeFrontdesk, makeConversation, makeMessage } from '../fake-api';
import { RecoveredBanner, RECOVERED_BANNER_TEXT } from '../../../renderer/src/components/recovered-banner';
import { render } from '@testing-library/react';
import { memoryStorage, renderApp } from '../render-app';

let restore: () => void;
beforeAll(() => {
  restore = stubElementSize();
});
afterAll(() => restore());

describe('reloading the window', () => {
  it('comes back to the same view and refetches it', async () => {
    const fake = new FakeFrontdesk({
      conversations: [makeConversation({ id: 1, memberName: 'Ann', unreadCount: 1 }), makeConversation({ id: 2, memberName: 'Bob', unreadCount: 2 })],
      messages: [makeMessage({ conversationId: 2, body: 'first' })],
    });
    const viewStorage = memoryStorage();
    const user = userEvent.setup();
    const first = renderApp(fake, { viewStorage });
    await user.click(await screen.findByRole('button', { name: /^Unread/ }));
    await user.click(await screen.findByRole('option', { name: /Bob/ }));
    await screen.findByText('first');
    first.unmount();
    expect(fake.listenerCount).toBe(0);

    // While the window was gone: a new message and a new unread conversation.
    fake.messages.push(makeMessage({ conversationId: 2, body: 'sent while reloading' }));
    fake.conversations.push(makeConversation({ id: 3, memberName: 'Cy', unreadCount: 1 }));

    renderApp(fake, { viewStorage });
    const pane = await screen.findByRole('complementary', { name: 'Conversation with Bob' });
    expect(await within(pane).findByText('sent while reloading')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Unread/ })).toHaveAttribute('aria-current', 'page');
    await waitFor(() => expect(screen.getByRole('option', { name: /Cy/ })).toBeInTheDocument());
    // Bob was read before the reload, so the fresh unread list no longer has him.
    expect(screen.getByRole('option', { name: /Ann/ })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /Bob/ })).toBeNull();
    expect(fake.listenerCount).toBe(1);
  });

  it('keeps the reply being typed, per conversation, across a crash and reload; a sent one is gone', async () => {
    const fake = new FakeFrontdesk({
      conversations: [makeConversation({ id: 1, memberName: 'Ann' }), makeConversation({ id: 2, memberName: 'Bob' })],
      messages: [makeMessage({ conversationId: 1, body: 'hi from Ann' }), makeMessage({ conversationId: 2, body: 'hi from Bob' })],
    });
    const viewStorage = memoryStorage();
    const user = userEvent.setup();
    const first = renderApp(fake, { viewStorage });
    await user.click(await screen.findByRole('option', { name: /Ann/ }));
    await user.type(await screen.findByRole('textbox', { name: 'Text message' }), 'See you at 6');
    await user.click(await screen.findByRole('option', { name: /Bob/ }));
    await screen.findByText('hi from Bob');
    await user.type(await screen.findByRole('textbox', { name: 'Text message' }), 'Your card is fixed');
    // The renderer dies without any goodbye: nothing but what was already stored survives.
    first.unmount();

    renderApp(fake, { viewStorage });
    const bobPane = await screen.findByRole('complementary', { name: 'Conversation with Bob' });
    expect(within(bobPane).getByRole('textbox', { name: 'Text message' })).toHaveValue('Your card is fixed');
    await user.click(await screen.findByRole('option', { name: /Ann/ }));
    const annPane = await screen.findByRole('complementary', { name: 'Conversation with Ann' });
    expect(within(annPane).getByRole('textbox', { name: 'Text message' })).toHaveValue('See you at 6');
    await user.click(within(annPane).getByRole('button', { name: 'Send text' }));
    await waitFor(() => expect(within(annPane).getByRole('textbox', { name: 'Text message' })).toHaveValue(''));
    expect(viewStorage.data.get('frontdesk.drafts')).not.toContain('See you at 6');
    expect(viewStorage.data.get('frontdesk.drafts')).toContain('Your card is fixed');
  });

  it('ignores drafts it cannot read', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 1, memberName: 'Ann' })], messages: [] });
    const viewStorage = memoryStorage();
    viewStorage.setItem('frontdesk.drafts', JSON.stringify({ 1: { channel: 'fax', body: 42 } }));
    const user = userEvent.setup();
    renderApp(fake, { viewStorage });
    await user.click(await screen.findByRole('option', { name: /Ann/ }));
    expect(await screen.findByRole('textbox', { name: 'Text message' })).toHaveValue('');
  });

  it('says the window was reopened after a crash, once, until dismissed', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<RecoveredBanner hash="#recovered" />);
    expect(screen.getByRole('status', { name: 'Window recovered' })).toHaveTextContent(RECOVERED_BANNER_TEXT);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status', { name: 'Window recovered' })).toBeNull();
    unmount();
    render(<RecoveredBanner hash="" />);
    expect(screen.queryByRole('status', { name: 'Window recovered' })).toBeNull();
  });
});
