import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeFrontdesk } from '../fake-api';
import { renderApp } from '../render-app';

async function openSettings(fake: FakeFrontdesk) {
  const user = userEvent.setup();
  const rendered = renderApp(fake);
  await user.click(screen.getByRole('button', { name: 'Settings' }));
  const dialog = screen.getByRole('dialog', { name: 'Settings' });
  return { ...rendered, user, dialog };
}

describe('settings', () => {
  it('rejects a poll interval outside 5–600 seconds and saves a valid one', async () => {
    const fake = new FakeFrontdesk();
    const { dialog, user } = await openSettings(fake);
    const interval = await within(dialog).findByRole('spinbutton', { name: 'Check for new messages every (seconds)' });
    expect(interval).toHaveValue(30);
    await user.clear(interval);
    await user.type(interval, '2');
    await user.click(within(dialog).getByRole('button', { name: 'Save preferences' }));
    expect(within(dialog).getByText('Enter a whole number of seconds from 5 to 600.')).toBeInTheDocument();
    expect(interval).toHaveAttribute('aria-invalid', 'true');
    expect(fake.callsOf('setSettings')).toEqual([]);

    await user.clear(interval);
    await user.type(interval, '45');
    await user.click(within(dialog).getByRole('radio', { name: 'Name only' }));
    await user.click(within(dialog).getByRole('checkbox', { name: /Open Frontdesk when I sign in/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save preferences' }));
    await waitFor(() => expect(fake.callsOf('setSettings')).toEqual([{ pollIntervalSeconds: 45, notifications: 'name_only', launchAtLogin: true }]));
    expect(await within(dialog).findByText('Saved.')).toBeInTheDocument();
    expect(interval).not.toHaveAttribute('aria-invalid');
  });

  it('validates the sign-in form before sending it', async () => {
    const fake = new FakeFrontdesk({ account: { mode: 'demo', username: null } });
    const { dialog, user } = await openSettings(fake);
    const form = await within(dialog).findByRole('form', { name: 'Sign in to ClubOS' });
    await user.type(within(form).getByLabelText('ClubOS address (optional)'), 'http://club.example');
    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(within(form).getByText('Enter your ClubOS username.')).toBeInTheDocument();
    expect(within(form).getByText('Enter your password.')).toBeInTheDocument();
    expect(within(form).getByText(/Enter an https:\/\/ address/)).toBeInTheDocument();
    expect(fake.callsOf('signIn')).toEqual([]);
  });

  it('shows a refused sign-in, then signs in and leaves demo mode', async () => {
    const fake = new FakeFrontdesk({ account: { mode: 'demo', username: null } });
    const { dialog, user } = await openSettings(fake);
    const form = await within(dialog).findByRole('form', { name: 'Sign in to ClubOS' });
    await user.type(within(form).getByLabelText('ClubOS username'), 'desk');
    await user.type(within(form).getByLabelText('Password'), 'wrong');
    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('ClubOS did not accept that username and password.');

    await user.clear(within(form).getByLabelText('Password'));
    await user.type(within(form).getByLabelText('Password'), 'correct horse');
    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(await within(dialog).findByText('desk')).toBeInTheDocument();
    expect(fake.callsOf('signIn').at(-1)).toEqual({ username: 'desk', password: 'correct horse' });
    expect(screen.queryByRole('region', { name: 'Demo mode' })).toBeNull();
  });

  it('signs out', async () => {
    const fake = new FakeFrontdesk();
    const { dialog, user } = await openSettings(fake);
    await user.click(await within(dialog).findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('region', { name: 'Demo mode' })).toBeInTheDocument();
  });

  it('adds and removes inboxes', async () => {
    const fake = new FakeFrontdesk({ available: [{ id: '200', name: 'Alex Coach' }] });
    const { dialog, user } = await openSettings(fake);
    await user.selectOptions(await within(dialog).findByRole('combobox', { name: 'Add an inbox' }), 'Alex Coach');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(fake.callsOf('addOwner')).toEqual([{ ownerId: '200', name: 'Alex Coach' }]));
    await user.click(await within(dialog).findByRole('button', { name: 'Remove Alex Coach' }));
    await waitFor(() => expect(fake.callsOf('removeOwner')).toEqual([{ ownerId: '200' }]));
  });

  it('warns when the password is stored with weak protection', async () => {
    const fake = new FakeFrontdesk({ account: { secretStorage: 'weak' } });
    const { dialog } = await openSettings(fake);
    expect(await within(dialog).findByText(/no secure keyring/)).toBeInTheDocument();
  });

  it('lets staff reword a suggested reply and put the default back', async () => {
    const fake = new FakeFrontdesk({
      templates: [{ id: 'billing.look-into', intent: 'question_about_billing', text: 'Hi {firstName}, I will check.', defaultText: 'Hi {firstName}, I will check.', edited: false }],
    });
    const { dialog, user } = await openSettings(fake);
    const box = await within(dialog).findByLabelText(/^Billing/);
    const save = within(dialog).getByRole('button', { name: 'Save Billing reply' });
    expect(save).toBeDisabled();
    await user.clear(box);
    await user.type(box, 'Hi {{firstName}, looking now.');
    await user.click(save);
    await waitFor(() => expect(fake.callsOf('setReplyTemplate')).toEqual([{ id: 'billing.look-into', text: 'Hi {firstName}, looking now.' }]));
    expect(await within(dialog).findByText('(edited)')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Reset Billing reply' }));
    await waitFor(() => expect(fake.callsOf('setReplyTemplate').at(-1)).toEqual({ id: 'billing.look-into', text: null }));
    await waitFor(() => expect(box).toHaveValue('Hi {firstName}, I will check.'));
    expect(within(dialog).queryByText('(edited)')).toBeNull();
  });
});

