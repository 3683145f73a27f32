import { screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stubElementSize } from '../element-size';
import { FakeFrontdesk, FAKE_NOW, makeConversation } from '../fake-api';
import { renderApp } from '../render-app';

let restore: () => void;
beforeAll(() => {
  restore = stubElementSize();
});
afterAll(() => restore());

// ClubOS shows every time on the club's clock; so must the list, whatever the computer's zone.
function listTime(clubTimeZone: string | null): Promise<string> {
  const lastMessageAt = new Date(FAKE_NOW - 60_000).toISOString();
  const fake = new FakeFrontdesk({
    conversations: [makeConversation({ id: 1, memberName: 'Jane Doe', lastMessageAt })],
    account: { clubTimeZone },
  });
  renderApp(fake, { timeZone: 'Europe/Berlin' });
  return screen.findByRole('option', { name: /Jane Doe/ }).then((row) => within(row).getByText(/\d:\d\d/).textContent ?? '');
}

describe('times on the club clock', () => {
  it('uses the club zone once the core knows it, else the computer zone', async () => {
    const expected = (timeZone: string) =>
      new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(FAKE_NOW - 60_000);
    expect(await listTime('America/Chicago')).toBe(expected('America/Chicago'));
  });

  it('falls back to the computer zone before ClubOS was reached', async () => {
    const expected = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', hour: 'numeric', minute: '2-digit' }).format(FAKE_NOW - 60_000);
    expect(await listTime(null)).toBe(expected);
  });
});
