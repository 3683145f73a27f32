import { describe, expect, it } from 'vitest';
import { changedSettings, validateSettings } from '../../../renderer/src/forms/settings-form';
import { validateSignIn } from '../../../renderer/src/forms/sign-in-form';

describe('validateSignIn', () => {
  it('trims the username and leaves out an empty address', () => {
    expect(validateSignIn({ username: '  desk ', password: 'pw', baseUrl: ' ' })).toEqual({ ok: true, values: { username: 'desk', password: 'pw' } });
    expect(validateSignIn({ username: 'desk', password: 'pw', baseUrl: 'https://club.example' })).toEqual({
      ok: true,
      values: { username: 'desk', password: 'pw', baseUrl: 'https://club.example' },
    });
  });

  it('names every bad field', () => {
    expect(validateSignIn({ username: ' ', password: '', baseUrl: 'http://club.example' })).toEqual({
      ok: false,
      errors: {
        username: 'Enter your ClubOS username.',
        password: 'Enter your password.',
        baseUrl: 'Enter an https:// address, such as https://anytime.club-os.com.',
      },
    });
    expect(validateSignIn({ username: 'x', password: 'p'.repeat(201), baseUrl: '' })).toMatchObject({ ok: false, errors: { password: 'That password is too long.' } });
  });
});

describe('validateSettings', () => {
  const base = { notifications: 'name_only' as const, launchAtLogin: false, historyAsRead: true, markRead: 'after_delay' as const };
  const values = { ...base, waitingIgnoresImportedAfterDays: 3 };

  it('accepts whole seconds from 5 to 600', () => {
    expect(validateSettings({ ...base, waitingIgnoresImportedAfterDays: '3', pollIntervalSeconds: ' 5 ' })).toEqual({ ok: true, values: { ...values, pollIntervalSeconds: 5 } });
    expect(validateSettings({ ...base, waitingIgnoresImportedAfterDays: '3', pollIntervalSeconds: '600' })).toMatchObject({ ok: true });
  });

  it.each(['4', '601', '', '12.5', '-10', 'ten'])('refuses %j', (value) => {
    expect(validateSettings({ ...base, waitingIgnoresImportedAfterDays: '3', pollIntervalSeconds: value })).toEqual({
      ok: false,
      errors: { pollIntervalSeconds: 'Enter a whole number of seconds from 5 to 600.' },
    });
  });

  it('sends only what changed', () => {
    const before = { ...values, pollIntervalSeconds: 30 };
    expect(changedSettings(before, { ...before })).toEqual({});
    expect(changedSettings(before, { ...before, pollIntervalSeconds: 60, historyAsRead: false })).toEqual({ pollIntervalSeconds: 60, historyAsRead: false });
  });
});
