// Settings → Follow-ups: how long a member may wait (business minutes) before a conversation is
// marked overdue, how late a scheduled text may go out unasked, and the club's staffed hours.
import { useEffect, useState, type FormEvent } from 'react';
import type { OutreachSettings } from '../../../../common/contract';
import { toApiError, unwrap } from '../../api';
import { useAppDeps } from '../../store/store-context';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

function FollowUpForm({ initial }: { initial: OutreachSettings }) {
  const { api } = useAppDeps();
  const [settings, setSettings] = useState(initial);
  const [status, setStatus] = useState<{ ok: true } | { ok: false; message: string } | null>(null);
  const week = settings.businessHours.week;
  const setDay = (i: number, day: OutreachSettings['businessHours']['week'][number]): void =>
    setSettings({ ...settings, businessHours: { ...settings.businessHours, week: week.map((d, j) => (j === i ? day : d)) } });

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setStatus(null);
    unwrap(api.setOutreachSettings(settings)).then(
      (saved) => {
        setSettings(saved);
        setStatus({ ok: true });
      },
      (e: unknown) => setStatus({ ok: false, message: toApiError(e).message }),
    );
  };

  const wait = settings.waitingRules.defaultBusinessMinutes;
  return (
    <form className="form" aria-label="Follow-ups" onSubmit={submit}>
      <label>
        Mark a conversation overdue after{' '}
        <input
          className="input"
          type="number"
          min={1}
          max={10080}
          aria-label="Business minutes a member may wait"
          value={wait ?? ''}
          placeholder="never"
          onChange={(e) => setSettings({ ...settings, waitingRules: { ...settings.waitingRules, defaultBusinessMinutes: e.target.value === '' ? null : Math.max(1, Number(e.target.value)) } })}
        />{' '}
        business minutes of waiting
      </label>
      <label>
        Ask before sending a scheduled text more than{' '}
        <input
          className="input"
          type="number"
          min={1}
          max={10080}
          aria-label="Late limit in minutes"
          value={settings.lateLimitMinutes}
          onChange={(e) => setSettings({ ...settings, lateLimitMinutes: Math.max(1, Number(e.target.value) || 1) })}
        />{' '}
        minutes late
      </label>
      <fieldset>
        <legend>Staffed hours (club time)</legend>
        {DAYS.map((name, i) => {
          const day = week[i] ?? null;
          return (
            <div key={name}>
              <label>
                <input type="checkbox" checked={day !== null} onChange={(e) => setDay(i, e.target.checked ? { open: '08:00', close: '18:00' } : null)} /> {name}
              </label>{' '}
              {day ? (
                <>
                  <input type="time" className="input" aria-label={`${name} opens`} value={day.open} onChange={(e) => setDay(i, { ...day, open: e.target.value })} /> –{' '}
                  <input type="time" className="input" aria-label={`${name} closes`} value={day.close} onChange={(e) => setDay(i, { ...day, close: e.target.value })} />
                </>
              ) : (
                <span className="muted">closed</span>
              )}
            </div>
          );
        })}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          Save follow-ups
        </button>
        {status?.ok ? (
          <span className="muted" role="status">
            Saved.
          </span>
        ) : null}
      </div>
      {status && !status.ok ? (
        <p className="error-text" role="alert">
          {status.message}
        </p>
      ) : null}
    </form>
  );
}

export function FollowUpSettingsSection() {
  const { api } = useAppDeps();
  const [settings, setSettings] = useState<OutreachSettings | null>(null);
  useEffect(() => {
    api.getOutreachSettings({}).then(
      (o) => {
        if (o.ok) setSettings(o.value);
      },
      () => undefined,
    );
  }, [api]);
  return (
    <section className="settings-section" aria-labelledby="settings-follow-ups">
      <h3 id="settings-follow-ups">Follow-ups</h3>
      {settings ? <FollowUpForm initial={settings} /> : <p className="muted">Loading…</p>}
    </section>
  );
}
