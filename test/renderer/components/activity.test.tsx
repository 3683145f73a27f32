// Settings → Activity shows the one action log: outreach's sends and skips beside the assistant's
// steps, each kind with its label, filtered and paged back.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ActionLogEntry } from '../../../common/contract';
import { FakeFrontdesk } from '../fake-api';
import { renderApp } from '../render-app';

const entry = (id: number, kind: string, over: Partial<ActionLogEntry> = {}): ActionLogEntry => ({
  id,
  at: new Date(Date.parse('2025-10-14T15:00:00Z') - id * 60_000).toISOString(),
  kind,
  actor: 'scheduler',
  conversationId: 1,
  messageId: null,
  draftId: null,
  memberName: 'Jane Doe',
  intent: null,
  confidence: null,
  reason: null,
  detail: {},
  ...over,
});

describe('Settings → Activity', () => {
  it('labels outreach and assistant kinds, shows why a text was skipped, filters and pages back', async () => {
    const actions: ActionLogEntry[] = [
      entry(60, 'text_sent_late', { detail: { summary: 'Text to Jane Doe sent 75 min late', lateByMs: 4_500_000 } }),
      entry(59, 'text_skipped', { actor: 'campaign 2', memberName: 'Ann Lee', reason: 'opted out of texts (texted STOP)', detail: { summary: 'Campaign "Holiday": Ann Lee skipped' } }),
      entry(58, 'auto_sent', { actor: 'assistant' }),
      ...Array.from({ length: 57 }, (_, i) => entry(57 - i, 'text_sent', { detail: { summary: `Text ${57 - i} sent` } })),
    ];
    const fake = new FakeFrontdesk({ actions });
    const user = userEvent.setup();
    renderApp(fake);
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const section = (await screen.findByRole('heading', { name: 'Activity' })).closest('section')!;
    const list = await within(section).findByRole('list', { name: 'Activity, newest first' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(50);
    expect(rows[0]).toHaveTextContent(/Sent late · Text to Jane Doe sent 75 min late · by scheduler/);
    expect(rows[1]).toHaveTextContent(/Skipped · Campaign "Holiday": Ann Lee skipped · why: opted out of texts \(texted STOP\) · by campaign 2/);
    expect(rows[2]).toHaveTextContent(/Sent automatically · Jane Doe · by assistant/);
    await user.click(within(section).getByRole('button', { name: 'Show older' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(60));
    expect(within(section).queryByRole('button', { name: 'Show older' })).toBeNull();
    await user.selectOptions(within(section).getByRole('combobox', { name: 'Show' }), 'The assistant');
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(fake.calls.filter((c) => c.name === 'listActions').at(-1)?.args).toMatchObject({ kinds: expect.arrayContaining(['auto_sent', 'sent']) as unknown });
  });
});
