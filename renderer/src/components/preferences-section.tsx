// Settings → Preferences: how often to check, what notifications show, launch at login, and
// whether imported history counts as read.
import { useState, type FormEvent } from 'react';
import type { ApiError, MarkReadMode, NotificationPrivacy, Settings } from '../../../common/contract';
import {
  changedSettings,
  MAX_POLL_SECONDS,
  MAX_WAITING_DAYS,
  MIN_POLL_SECONDS,
  MIN_WAITING_DAYS,
  settingsToInput,
  validateSettings,
  type SettingsField,
  type SettingsInput,
} from '../forms/settings-form';
import { useAppStore } from '../store/store-context';
import { Field } from './field';
import { ErrorLine } from './error-line';

const PRIVACY_OPTIONS: readonly { value: NotificationPrivacy; label: string }[] = [
  { value: 'name_and_text', label: 'Name and message text' },
  { value: 'name_only', label: 'Name only' },
  { value: 'count_only', label: 'Only how many new messages' },
  { value: 'off', label: 'No notifications' },
];

const MARK_READ_OPTIONS: readonly { value: MarkReadMode; label: string }[] = [
  { value: 'immediately', label: 'As soon as I open it' },
  { value: 'after_delay', label: 'After it has been on screen for 2 seconds' },
  { value: 'manually', label: 'Only when I mark it read' },
];

function PreferencesForm({ settings }: { settings: Settings }) {
  const saveSettings = useAppStore((s) => s.saveSettings);
  const [input, setInput] = useState<SettingsInput>(() => settingsToInput(settings));
  const [errors, setErrors] = useState<Partial<Record<SettingsField, string>>>({});
  const [result, setResult] = useState<{ saved: true } | { saved: false; error: ApiError } | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (patch: Partial<SettingsInput>): void => {
    setInput((current) => ({ ...current, ...patch }));
    setResult(null);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const checked = validateSettings(input);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const diff = changedSettings(settings, checked.values);
    if (Object.keys(diff).length === 0) {
      setResult({ saved: true });
      return;
    }
    setBusy(true);
    const error = await saveSettings(diff);
    setBusy(false);
    setResult(error ? { saved: false, error } : { saved: true });
  };

  return (
    <form className="form" aria-label="Preferences" noValidate onSubmit={(event) => void submit(event)}>
      <Field
        label="Check for new messages every (seconds)"
        type="number"
        inputMode="numeric"
        min={MIN_POLL_SECONDS}
        max={MAX_POLL_SECONDS}
        step={1}
        value={input.pollIntervalSeconds}
        error={errors.pollIntervalSeconds}
        onChange={(e) => change({ pollIntervalSeconds: e.target.value })}
      />
      <fieldset className="fieldset">
        <legend>Notifications show</legend>
        {PRIVACY_OPTIONS.map((option) => (
          <label key={option.value} className="radio">
            <input
              type="radio"
              name="notifications"
              value={option.value}
              checked={input.notifications === option.value}
              onChange={() => change({ notifications: option.value })}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>Mark a conversation read</legend>
        {MARK_READ_OPTIONS.map((option) => (
          <label key={option.value} className="radio">
            <input
              type="radio"
              name="markRead"
              value={option.value}
              checked={input.markRead === option.value}
              onChange={() => change({ markRead: option.value })}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <Field
        label="Texts already older than this when first synced never count as waiting (days)"
        type="number"
        inputMode="numeric"
        min={MIN_WAITING_DAYS}
        max={MAX_WAITING_DAYS}
        step={1}
        value={input.waitingIgnoresImportedAfterDays}
        error={errors.waitingIgnoresImportedAfterDays}
        onChange={(e) => change({ waitingIgnoresImportedAfterDays: e.target.value })}
      />
      <label className="checkbox">
        <input type="checkbox" checked={input.launchAtLogin} onChange={(e) => change({ launchAtLogin: e.target.checked })} />
        Open Frontdesk when I sign in to this computer
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={input.historyAsRead} onChange={(e) => change({ historyAsRead: e.target.checked })} />
        Count messages imported from an inbox&apos;s history as read
      </label>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save preferences'}
        </button>
        {result?.saved ? (
          <span className="muted" role="status">
            Saved.
          </span>
        ) : null}
      </div>
      <ErrorLine message={result && !result.saved ? result.error.message : null} />
    </form>
  );
}

export function PreferencesSection() {
  const settings = useAppStore((s) => s.session.settings);
  return (
    <section className="settings-section" aria-labelledby="settings-preferences">
      <h3 id="settings-preferences">Preferences</h3>
      {settings ? <PreferencesForm settings={settings} /> : <p className="muted">Loading preferences…</p>}
    </section>
  );
}
