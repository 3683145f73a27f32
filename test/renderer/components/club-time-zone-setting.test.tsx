// When ClubOS names no zone: a banner says which zone times are shown in, and Settings → Account
// asks for the club's zone once, with the assumed (computer's) zone preselected.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CLUB_TIME_ZONE_WHY } from '../../../renderer/src/components/club-time-zone-field';
import { FakeFrontdesk } from '../fake-api';
import { renderApp } from '../render-app';

describe('club time zone', () => {
  it('shows the assumed zone in a banner, and confirming it in Settings → Account removes the banner', async () => {
    const fake = new FakeFrontdesk({ account: { clubTimeZone: 'Europe/Berlin', clubTimeZoneSource: 'assumed' } });
    const user = userEvent.setup();
    renderApp(fake);
    const banner = await screen.findByRole('region', { name: 'Club time zone' });
    expect(banner).toHaveTextContent("Times are shown in Europe/Berlin, this computer's time zone");

    await user.click(within(banner).getByRole('button', { name: 'Set the club time zone' }));
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    const form = await within(dialog).findByRole('form', { name: 'Club time zone' });
    const select = within(form).getByRole('combobox', { name: 'Club time zone' });
    expect(select).toHaveValue('Europe/Berlin');
    expect(select).toHaveAccessibleDescription(CLUB_TIME_ZONE_WHY);

    await user.selectOptions(select, 'America/Chicago');
    await user.click(within(form).getByRole('button', { name: 'Confirm time zone' }));
    await waitFor(() => expect(fake.callsOf('setClubTimeZone')).toEqual([{ timeZone: 'America/Chicago' }]));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Club time zone' })).toBeNull());
    expect(within(dialog).getByText('Confirmed: America/Chicago.')).toBeInTheDocument();
  });

  it('only shows the zone when ClubOS names it, and no banner', async () => {
    const fake = new FakeFrontdesk({ account: { clubTimeZone: 'America/Chicago', clubTimeZoneSource: 'clubos' } });
    const user = userEvent.setup();
    renderApp(fake);
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    expect(await within(dialog).findByText('America/Chicago')).toBeInTheDocument();
    expect(within(dialog).queryByRole('form', { name: 'Club time zone' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Club time zone' })).toBeNull();
  });
});
