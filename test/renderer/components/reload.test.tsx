import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stubElementSize } from '../element-size';
import { FakeFrontdesk, makeConversation, makeMessage } from '../fake-api';
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
});
