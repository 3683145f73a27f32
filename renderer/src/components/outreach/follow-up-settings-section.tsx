// Settings → Follow-ups: how long a member may wait (business hours) before a conversation is
// marked overdue and raised in the list, per kind of message or tag, and how late a scheduled text
// may go out unasked. The hours waiting is counted in are Knowledge's (staffed hours, holidays),
// shown here and edited in Settings → Knowledge.
import { useEffect, useState, type FormEvent } from 'react';
import type { KnowledgeState, OutreachSettings } from '../../../../common/contract';
import { WEEKDAYS } from '../../../../common/knowledge';
import { INTENT_LABELS, INTENTS, type Intent } from '../../../../common/intent-catalog';
import { toApiError, unwrap } from '../../api';
import { newRule, parseFollowUpInput, settingsToInput, type FollowUpField, type FollowUpInput, type RuleInput } from '../../forms/follow-up-form';
import { spansToText, WEEKDAY_LABELS } from '../../forms/knowledge-form';
import { useAppDeps } from '../../store/store-context';
import { describedBy, FieldNotes } from '../field';
import { ErrorLine } from '../error-line';

function CountedHours({ knowledge }: { knowledge: KnowledgeState | null }) {
  if (!knowledge) return null;
  const k = knowledge.knowledge;
  const days = WEEKDAYS.map((d) => {
    const staffed = k.staffedHours[d];
    const open = k.openingHours[d];
    const text = staffed !== undefined ? spansToText(staffed) || 'closed' : open !== undefined ? `${spansToText(open) || 'closed'} (opening hours)` : 'around the clock (no hours in Knowledge)';
    return `${WEEKDAY_LABELS[d]} ${text}`;
  });
  const upcoming = k.holidays.length;
  const noHours = WEEKDAYS.every((d) => k.staffedHours[d] === undefined && k.openingHours[d] === undefined);
  return (
    <div className="follow-up-hours">
      <p className="field-hint" id="follow-up-hours">
        Waiting counts in the staffed hours from Knowledge, in the club&apos;s time zone:{' '}
        {noHours ? 'Knowledge has no hours yet, so it counts around the clock' : days.join('; ')}.{' '}
        {upcoming > 0 ? `${upcoming} holiday${upcoming === 1 ? '' : 's'} listed there count with their own hours.` : 'No holidays are listed.'}
      </p>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          const heading = document.getElementById('settings-knowledge');
          heading?.scrollIntoView({ block: 'start' });
          (heading?.closest('section')?.querySelector('input, textarea') as HTMLElement | null)?.focus();
        }}
      >
        Edit staffed hours and holidays in Knowledge
      </button>
    </div>
  );
}

function RuleRow({ rule, index, errors, onChange, onRemove }: { rule: RuleInput; index: number; errors: Partial<Record<FollowUpField, string>>; onChange: (r: RuleInput) => void; onRemove: () => void }) {
  const base = `waiting-rule-${rule.key}`;
  const targetError = errors[`rule.${index}.target`];
  const tagError = errors[`rule.${index}.tag`];
  const hoursError = errors[`rule.${index}.hours`];
  const value = rule.target === 'tag' ? 'tag' : rule.intent;
  return (
    <li className="waiting-rule" aria-label={`Rule ${index + 1}`}>
      <div className="field">
        <label htmlFor={`${base}-what`}>
          <span className="sr-only">Rule {index + 1}: </span>Applies to
        </label>
        <select
          id={`${base}-what`}
          className="input"
          value={value}
          aria-invalid={targetError ? true : undefined}
          aria-describedby={describedBy(`${base}-what`, undefined, targetError)}
          onChange={(e) => onChange(e.target.value === 'tag' ? { ...rule, target: 'tag' } : { ...rule, target: 'intent', intent: e.target.value as Intent })}
        >
          <optgroup label="Kind of message">
            {INTENTS.map((i) => (
              <option key={i} value={i}>
                {INTENT_LABELS[i]}
              </option>
            ))}
          </optgroup>
          <option value="tag">A tag…</option>
        </select>
        <FieldNotes id={`${base}-what`} hint={undefined} error={targetError} />
      </div>
      {rule.target === 'tag' ? (
        <div className="field">
          <label htmlFor={`${base}-tag`}>
            <span className="sr-only">Rule {index + 1}: </span>Tag
          </label>
          <input
            id={`${base}-tag`}
            className="input"
            value={rule.tag}
            maxLength={60}
            aria-invalid={tagError ? true : undefined}
            aria-describedby={describedBy(`${base}-tag`, undefined, tagError)}
            onChange={(e) => onChange({ ...rule, tag: e.target.value })}
          />
          <FieldNotes id={`${base}-tag`} hint={undefined} error={tagError} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${base}-hours`}>
          <span className="sr-only">Rule {index + 1}: </span>Overdue after (business hours)
        </label>
        <input
          id={`${base}-hours`}
          className="input input--narrow"
          inputMode="decimal"
          value={rule.hours}
          aria-invalid={hoursError ? true : undefined}
          aria-describedby={describedBy(`${base}-hours`, undefined, hoursError)}
          onChange={(e) => onChange({ ...rule, hours: e.target.value })}
        />
        <FieldNotes id={`${base}-hours`} hint={undefined} error={hoursError} />
      </div>
      <button type="button" className="button" onClick={onRemove}>
        Remove rule {index + 1}
      </button>
    </li>
  );
}

function FollowUpForm({ initial, knowledge }: { initial: OutreachSettings; knowledge: KnowledgeState | null }) {
  const { api } = useAppDeps();
  const [input, setInput] = useState<FollowUpInput>(() => settingsToInput(initial));
  const [errors, setErrors] = useState<Partial<Record<FollowUpField, string>>>({});
  const [status, setStatus] = useState<{ ok: true } | { ok: false; message: string } | null>(null);
  const change = (patch: Partial<FollowUpInput>): void => {
    setInput((i) => ({ ...i, ...patch }));
    setStatus(null);
  };
  const setRule = (key: number, rule: RuleInput | null): void =>
    change({ rules: rule === null ? input.rules.filter((r) => r.key !== key) : input.rules.map((r) => (r.key === key ? rule : r)) });

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setStatus(null);
    const parsed = parseFollowUpInput(input);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setStatus({ ok: false, message: 'Check the fields marked above; nothing was saved.' });
      return;
    }
    setErrors({});
    unwrap(api.setOutreachSettings(parsed.settings)).then(
      (saved) => {
        setInput(settingsToInput(saved));
        setStatus({ ok: true });
      },
      (e: unknown) => setStatus({ ok: false, message: toApiError(e).message }),
    );
  };

  return (
    <form className="form" aria-label="Follow-ups" noValidate onSubmit={submit}>
      <div className="field">
        <label htmlFor="follow-up-default">Mark any conversation overdue after (business hours)</label>
        <input
          id="follow-up-default"
          className="input input--narrow"
          inputMode="decimal"
          placeholder="never"
          value={input.defaultHours}
          aria-invalid={errors.defaultHours ? true : undefined}
          aria-describedby={describedBy('follow-up-default', 'hint', errors.defaultHours)}
          onChange={(e) => change({ defaultHours: e.target.value })}
        />
        <FieldNotes
          id="follow-up-default"
          hint="An overdue conversation moves to the top of the list and notifies once. Leave empty to use only the rules below."
          error={errors.defaultHours}
        />
      </div>
      <fieldset className="fieldset">
        <legend>Stricter or looser waits for a kind of message or a tag</legend>
        {input.rules.length === 0 ? <p className="muted">No rules: every conversation gets the wait above.</p> : null}
        <ul className="waiting-rules">
          {input.rules.map((rule, i) => (
            <RuleRow key={rule.key} rule={rule} index={i} errors={errors} onChange={(r) => setRule(rule.key, r)} onRemove={() => setRule(rule.key, null)} />
          ))}
        </ul>
        <div>
          <button type="button" className="button" disabled={input.rules.length >= 100} onClick={() => change({ rules: [...input.rules, newRule()] })}>
            Add a rule
          </button>
        </div>
        <p className="field-hint">When several rules match a conversation, the shortest wait applies.</p>
      </fieldset>
      <CountedHours knowledge={knowledge} />
      <div className="field">
        <label htmlFor="follow-up-late">Ask before sending a scheduled text more than this many minutes late</label>
        <input
          id="follow-up-late"
          className="input input--narrow"
          inputMode="numeric"
          value={input.lateLimitMinutes}
          aria-invalid={errors.lateLimitMinutes ? true : undefined}
          aria-describedby={describedBy('follow-up-late', 'hint', errors.lateLimitMinutes)}
          onChange={(e) => change({ lateLimitMinutes: e.target.value })}
        />
        <FieldNotes id="follow-up-late" hint="A text that came due while Frontdesk was closed goes out with a “sent late” mark up to this limit." error={errors.lateLimitMinutes} />
      </div>
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
      <ErrorLine message={status && !status.ok ? status.message : null} />
    </form>
  );
}

export function FollowUpSettingsSection() {
  const { api } = useAppDeps();
  const [settings, setSettings] = useState<OutreachSettings | null>(null);
  const [knowledge, setKnowledge] = useState<KnowledgeState | null>(null);
  useEffect(() => {
    let live = true;
    unwrap(api.getOutreachSettings({})).then(
      (o) => live && setSettings(o),
      () => undefined,
    );
    unwrap(api.getKnowledge({})).then(
      (k) => live && setKnowledge(k),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  return (
    <section className="settings-section" aria-labelledby="settings-follow-ups">
      <h3 id="settings-follow-ups">Follow-ups</h3>
      {settings ? <FollowUpForm initial={settings} knowledge={knowledge} /> : <p className="muted">Loading…</p>}
    </section>
  );
}
