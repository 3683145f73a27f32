import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SEARCH_DEBOUNCE_MS } from '../../../renderer/src/components/search-box';
import { Snippet } from '../../../renderer/src/components/search-results';
import { stubElementSize } from '../element-size';
import { FakeFrontdesk, FAKE_NOW, makeConversation, makeMessage } from '../fake-api';
import { renderApp } from '../render-app';

let restore: () => void;
beforeAll(() => {
  restore = stubElementSize();
});
afterAll(() => restore());

function setup() {
  const old = Array.from({ length: 70 }, (_, i) =>
    makeMessage({ conversationId: 1, body: i === 0 ? 'Can I bring a guest to yoga?' : `filler ${i}`, sentAt: new Date(FAKE_NOW - (80 - i) * 3_600_000).toISOString() }),
  );
  return new FakeFrontdesk({
    conversations: [makeConversation({ id: 1, memberName: 'Jane Doe' }), makeConversation({ id: 2, memberName: 'Bob Stone' })],
    messages: [...old, makeMessage({ conversationId: 2, body: 'Yoga is full, sorry <b>!</b>' })],
  });
}

describe('search', () => {
  it('highlights matches with <mark> and keeps every part as text', () => {
    const { container } = render(
      <Snippet
        parts={[
          { text: 'I love ', match: false },
          { text: 'yoga', match: true },
          { text: ' <img src=x onerror=alert(1)>', match: false },
        ]}
      />,
    );
    const marks = container.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['yoga']);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('I love yoga <img src=x onerror=alert(1)>');
  });

  it('searches on Enter, shows highlighted results and opens the conversation at the message', async () => {
    const fake = setup();
    const user = userEvent.setup();
    renderApp(fake);
    await screen.findByRole('option', { name: /Jane Doe/ });
    await user.type(screen.getByRole('searchbox', { name: 'Search messages' }), 'yoga{Enter}');

    const results = await screen.findByRole('region', { name: 'Results for “yoga”' });
    await within(results).findByRole('button', { name: /Jane Doe/ });
    const marks = [...results.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['yoga', 'Yoga']);
    expect(results.querySelector('b')).toBeNull();
    expect(within(results).getByText(/sorry <b>!<\/b>/)).toBeInTheDocument();

    await user.click(within(results).getByRole('button', { name: /Jane Doe/ }));
    const pane = await screen.findByRole('complementary', { name: 'Conversation with Jane Doe' });
    // The hit is 70 messages back: the thread paged back to it and marks it as the target.
    const hit = await within(pane).findByText('Can I bring a guest to yoga?');
    expect(hit.closest('li')).toHaveAttribute('aria-current', 'true');
    expect(fake.callsOf('listMessages').length).toBeGreaterThanOrEqual(2);
    expect(within(results).getByRole('button', { name: /Jane Doe/ })).toHaveAttribute('aria-current', 'true');
  });

  it('says when nothing matches, and Escape closes the results', async () => {
    const fake = setup();
    const user = userEvent.setup();
    renderApp(fake);
    await screen.findByRole('option', { name: /Jane Doe/ });
    const box = screen.getByRole('searchbox', { name: 'Search messages' });
    await user.type(box, 'pilates{Enter}');
    const results = await screen.findByRole('region', { name: 'Results for “pilates”' });
    expect(await within(results).findByText('Nothing found.')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('region', { name: /Results for/ })).toBeNull());
    expect(screen.getByRole('option', { name: /Jane Doe/ })).toBeInTheDocument();
    expect(box).toHaveValue('');
  });

  it('searches by itself once the user stops typing, once for the whole word', async () => {
    const fake = setup();
    renderApp(fake);
    await screen.findByRole('option', { name: /Jane Doe/ });
    const box = screen.getByRole('searchbox', { name: 'Search messages' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      for (const typed of ['g', 'gu', 'gue', 'gues', 'guest']) {
        act(() => {
          vi.advanceTimersByTime(100);
        });
        fireEvent.change(box, { target: { value: typed } });
      }
      act(() => {
        vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1);
      });
      expect(fake.callsOf('search')).toEqual([]);
      act(() => {
        vi.advanceTimersByTime(1);
      });
    } finally {
      vi.useRealTimers();
    }
    expect(await screen.findByRole('region', { name: 'Results for “guest”' })).toBeInTheDocument();
    expect(fake.callsOf('search')).toEqual([{ query: 'guest', limit: 50, scope: 'body', withTotal: true }]);
  });
});
