import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncOwnerStatus, SyncStatus } from '../../../common/contract';
import { FakeFrontdesk, FAKE_NOW } from '../fake-api';
import { renderApp } from '../render-app';

afterEach(() => {
  vi.useRealTimers();
});

function withOwner(fake: FakeFrontdesk, change: Partial<SyncOwnerStatus>, top: Partial<SyncStatus> = {}): SyncStatus {
  const [owner] = fake.syncStatus.owners;
  return { ...fake.syncStatus, ...top, owners: [{ ...owner!, ...change }] };
}

function banner(): HTMLElement {
  return screen.getByRole('banner');
}

describe('header sync status', () => {
  it('shows a live "synced … ago" that ticks', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const fake = new FakeFrontdesk();
    const { deps } = renderApp(fake);
    expect(await within(banner()).findByText('Synced 12s ago')).toBeInTheDocument();
    deps.setNow(FAKE_NOW + 10_000);
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(within(banner()).getByText('Synced 22s ago')).toBeInTheDocument();
    deps.setNow(FAKE_NOW + 5 * 60_000);
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(within(banner()).getByText('Synced 5m ago')).toBeInTheDocument();
  });

  it('shows syncing while a sync runs, from an event or from Sync now', async () => {
    const fake = new FakeFrontdesk();
    const user = userEvent.setup();
    renderApp(fake);
    await within(banner()).findByText('Synced 12s ago');
    act(() => {
      fake.emit({ type: 'syncStatusChanged', status: withOwner(fake, { state: 'syncing' }) });
    });
    expect(within(banner()).getByText('Syncing…')).toBeInTheDocument();
    act(() => {
      fake.emit({ type: 'syncStatusChanged', status: withOwner(fake, { state: 'idle' }) });
    });
    expect(within(banner()).getByText('Synced 12s ago')).toBeInTheDocument();

    const release = fake.hold('syncNow');
    await user.click(within(banner()).getByRole('button', { name: 'Sync now' }));
    expect(within(banner()).getByText('Syncing…')).toBeInTheDocument();
    expect(within(banner()).getByRole('button', { name: 'Sync now' })).toBeDisabled();
    release();
    await waitFor(() => expect(within(banner()).getByRole('button', { name: 'Sync now' })).toBeEnabled());
    expect(fake.callsOf('syncNow')).toEqual([{}]);
  });

  it('shows an error with its reason, alerts once, and retries the failing inbox', async () => {
    const fake = new FakeFrontdesk();
    const user = userEvent.setup();
    renderApp(fake);
    await within(banner()).findByText('Synced 12s ago');
    act(() => {
      fake.emit({
        type: 'syncStatusChanged',
        status: withOwner(fake, { state: 'backing_off', lastError: { code: 'clubos_network', message: 'ClubOS could not be reached.' } }),
      });
    });
    expect(within(banner()).getByText('Sync failed: ClubOS could not be reached.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Sync failed: ClubOS could not be reached.');
    await user.click(within(banner()).getByRole('button', { name: 'Retry' }));
    expect(fake.callsOf('syncNow')).toEqual([{ ownerId: '100' }]);
  });

  it('offers Sign in when ClubOS refused the credentials', async () => {
    const fake = new FakeFrontdesk();
    const user = userEvent.setup();
    renderApp(fake);
    await within(banner()).findByText('Synced 12s ago');
    act(() => {
      fake.emit({
        type: 'syncStatusChanged',
        status: withOwner(fake, { state: 'auth_failed', lastError: { code: 'clubos_credentials', message: 'ClubOS did not accept the password.' } }),
      });
    });
    await user.click(within(banner()).getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeInTheDocument();
  });

  it('pauses and resumes polling', async () => {
    const fake = new FakeFrontdesk();
    const user = userEvent.setup();
    renderApp(fake);
    await within(banner()).findByText('Synced 12s ago');
    await user.click(within(banner()).getByRole('button', { name: 'Pause' }));
    expect(await within(banner()).findByText('Sync paused')).toBeInTheDocument();
    expect(fake.callsOf('stopPolling')).toHaveLength(1);
    await user.click(within(banner()).getByRole('button', { name: 'Resume' }));
    expect(await within(banner()).findByText('Synced 12s ago')).toBeInTheDocument();
    expect(fake.callsOf('startPolling')).toHaveLength(1);
  });

  it('says so before the first sync', async () => {
    const fake = new FakeFrontdesk();
    fake.syncStatus = withOwner(fake, { lastSuccessAt: null });
    renderApp(fake);
    expect(await within(banner()).findByText('Not synced yet')).toBeInTheDocument();
  });
});

describe('demo mode and dialogs', () => {
  it('shows the demo banner, and its Sign in opens settings', async () => {
    const fake = new FakeFrontdesk({ account: { mode: 'demo', username: null } });
    const user = userEvent.setup();
    renderApp(fake);
    const demo = await screen.findByRole('region', { name: 'Demo mode' });
    expect(demo).toHaveTextContent("Demo mode — showing a simulated ClubOS club. Sign in to use your club's inbox.");
    await user.click(within(demo).getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeInTheDocument();
  });

  it('? opens the shortcut help, Escape closes it and focus returns', async () => {
    const fake = new FakeFrontdesk();
    const user = userEvent.setup();
    renderApp(fake);
    await within(banner()).findByText('Synced 12s ago');
    await user.keyboard('?');
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByText('Next conversation')).toBeInTheDocument();
    expect(within(help).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('/ focuses the search box without typing a slash', async () => {
    const fake = new FakeFrontdesk();
    const user = userEvent.setup();
    renderApp(fake);
    await within(banner()).findByText('Synced 12s ago');
    await user.keyboard('/');
    const search = screen.getByRole('searchbox', { name: 'Search messages' });
    expect(search).toHaveFocus();
    expect(search).toHaveValue('');
  });
});
