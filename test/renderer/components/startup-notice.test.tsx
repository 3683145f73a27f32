import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeFrontdesk } from '../fake-api';
import { renderApp } from '../render-app';

const repaired = {
  level: 'warning' as const,
  title: 'Frontdesk repaired its database',
  message: "Frontdesk's database was damaged. 388 messages in 145 conversations were kept, with their statuses, tags and read marks.",
  messagesKept: 388,
};

describe('start-up notice', () => {
  it('says how many messages a repaired database kept, next to the inbox, until dismissed', async () => {
    const fake = new FakeFrontdesk({ startupNotice: repaired });
    renderApp(fake);
    const notice = await screen.findByRole('status', { name: repaired.title });
    expect(notice).toHaveTextContent('388 messages in 145 conversations were kept');
    expect(screen.getByRole('main', { name: 'Conversations' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status', { name: repaired.title })).not.toBeInTheDocument();
  });

  it('shows why Frontdesk could not start instead of an empty inbox', async () => {
    const message = 'Frontdesk cannot save in its data folder /home/desk/.config/Frontdesk: the folder is read-only. Make it writable, then start Frontdesk again. Nothing was deleted.';
    const fake = new FakeFrontdesk({ startupNotice: { level: 'error', title: 'Frontdesk could not start', message, messagesKept: null } });
    renderApp(fake);
    const alert = await screen.findByRole('alert', { name: 'Frontdesk could not start' });
    expect(alert).toHaveTextContent('Frontdesk could not start');
    expect(alert).toHaveTextContent(message);
    expect(screen.queryByRole('main', { name: 'Conversations' })).not.toBeInTheDocument();
  });

  it('shows nothing when start-up went normally', async () => {
    const fake = new FakeFrontdesk();
    renderApp(fake);
    await waitFor(() => expect(fake.callsOf('getStartupNotice')).toHaveLength(1));
    expect(screen.queryByText(/repaired|could not start/)).not.toBeInTheDocument();
  });
});
