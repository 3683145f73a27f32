// Settings → Knowledge: the gym's own facts, the only facts the assistant's drafts may state.
// Every save is a new version in the app database; export/import moves them as a file.
import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import type { ApiError, KnowledgeState } from '../../../common/contract';
import { WEEKDAYS, type Weekday } from '../../../common/knowledge';
import { toApiError, unwrap } from '../api';
import { knowledgeToInput, parseKnowledgeInput, WEEKDAY_LABELS, type KnowledgeField, type KnowledgeInput } from '../forms/knowledge-form';
import { formatFullTime } from '../format/list-time';
import { useAppDeps, useTimeOptions } from '../store/store-context';
import { downloadText } from './download';
import { describedBy, FieldNotes } from './field';
import { ErrorLine } from './error-line';

function TextArea({
  label,
  hint,
  value,
  error,
  rows = 3,
  onChange,
}: {
  label: string;
  hint?: string;
  value: string;
  error: string | undefined;
  rows?: number;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="input"
        rows={rows}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

function HoursTable({
  kind,
  caption,
  input,
  errors,
  onChange,
}: {
  kind: 'openingHours' | 'staffedHours';
  caption: string;
  input: KnowledgeInput;
  errors: Partial<Record<KnowledgeField, string>>;
  onChange: (day: Weekday, value: string) => void;
}) {
  return (
    <fieldset className="fieldset hours-table">
      <legend>{caption}</legend>
      {WEEKDAYS.map((day) => {
        const error = errors[`${kind}.${day}`];
        const id = `${kind}-${day}`;
        return (
          <div key={day} className="hours-row">
            <label htmlFor={id}>{WEEKDAY_LABELS[day]}</label>
            <input
              id={id}
              className="input"
              placeholder="unknown"
              value={input[kind][day]}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => onChange(day, e.target.value)}
            />
            {error ? (
              <span id={`${id}-error`} className="field-error">
                {error}
              </span>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

export function KnowledgeSection() {
  const { api } = useAppDeps();
  const [state, setState] = useState<KnowledgeState | null>(null);
  const [input, setInput] = useState<KnowledgeInput | null>(null);
  const [errors, setErrors] = useState<Partial<Record<KnowledgeField, string>>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const timeOptions = useTimeOptions();

  const show = (next: KnowledgeState): void => {
    setState(next);
    setInput(knowledgeToInput(next.knowledge));
    setErrors({});
  };

  useEffect(() => {
    let live = true;
    unwrap(api.getKnowledge({})).then(
      (k) => live && show(k),
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const change = (patch: Partial<KnowledgeInput>): void => {
    setInput((current) => (current ? { ...current, ...patch } : current));
    setSaved(null);
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!input) return;
    const parsed = parseKnowledgeInput(input);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setSaved(null);
      return;
    }
    setBusy(true);
    setError(null);
    unwrap(api.saveKnowledge({ knowledge: parsed.knowledge }))
      .then((k) => {
        show(k);
        setSaved(`Saved as version ${k.version ?? '?'}.`);
      }, (e: unknown) => setError(toApiError(e)))
      .finally(() => setBusy(false));
  };

  const exportFile = (): void => {
    setError(null);
    unwrap(api.exportKnowledge({})).then(
      (file) => downloadText(file.fileName, file.content, 'application/json'),
      (e: unknown) => setError(toApiError(e)),
    );
  };

  const importFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setError(null);
    file
      .text()
      .then((content) => unwrap(api.importKnowledge({ content })))
      .then((k) => {
        show(k);
        setSaved(`Imported as version ${k.version ?? '?'}.`);
      }, (e: unknown) => setError(toApiError(e)))
      .finally(() => setBusy(false));
  };

  return (
    <section className="settings-section" aria-labelledby="settings-knowledge">
      <h3 id="settings-knowledge">Knowledge</h3>
      <p className="muted">
        The only facts the assistant&apos;s drafts may state. Leave a field empty when you don&apos;t want it answered: the draft then
        asks staff to check instead of guessing.
        {state?.version && state.savedAt ? ` Version ${state.version}, saved ${formatFullTime(state.savedAt, timeOptions)}.` : ' Not saved yet.'}
      </p>
      {input === null ? (
        error ? null : <p className="muted">Loading…</p>
      ) : (
        <form className="form knowledge-form" aria-label="Knowledge" noValidate onSubmit={submit}>
          <TextArea label="Club name" rows={1} value={input.clubName} error={errors.clubName} onChange={(v) => change({ clubName: v })} />
          <p className="field-hint">Hours: 9:00-19:00 (several spans with commas), 24h, closed, or empty for unknown.</p>
          <HoursTable kind="openingHours" caption="Opening hours" input={input} errors={errors} onChange={(d, v) => change({ openingHours: { ...input.openingHours, [d]: v } })} />
          <HoursTable kind="staffedHours" caption="Staffed hours (front desk)" input={input} errors={errors} onChange={(d, v) => change({ staffedHours: { ...input.staffedHours, [d]: v } })} />
          <TextArea
            label="Holidays"
            hint="One a line: 2026-12-25 | Christmas Day | opening hours | staffed hours (closed, 24h, 9:00-13:00 or usual)"
            value={input.holidays}
            error={errors.holidays}
            onChange={(v) => change({ holidays: v })}
          />
          <TextArea label="Address" rows={2} value={input.address} error={errors.address} onChange={(v) => change({ address: v })} />
          <TextArea label="Parking" rows={2} value={input.parking} error={errors.parking} onChange={(v) => change({ parking: v })} />
          <TextArea label="Plans and prices" hint="One a line: name | price | details" value={input.plans} error={errors.plans} onChange={(v) => change({ plans: v })} />
          <TextArea label="Freeze policy" value={input.freezePolicy} error={errors.freezePolicy} onChange={(v) => change({ freezePolicy: v })} />
          <TextArea label="Cancellation policy" value={input.cancelPolicy} error={errors.cancelPolicy} onChange={(v) => change({ cancelPolicy: v })} />
          <TextArea label="Guest policy" value={input.guestPolicy} error={errors.guestPolicy} onChange={(v) => change({ guestPolicy: v })} />
          <TextArea label="Class schedule" hint="One a line: class | weekday | time | trainer" value={input.classes} error={errors.classes} onChange={(v) => change({ classes: v })} />
          <TextArea label="Trainers" hint="One a line: name | focus" value={input.trainers} error={errors.trainers} onChange={(v) => change({ trainers: v })} />
          <TextArea label="Questions and answers" hint="One a line: question | answer" rows={4} value={input.faq} error={errors.faq} onChange={(v) => change({ faq: v })} />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              Save knowledge
            </button>
            <button type="button" className="button" disabled={busy} onClick={exportFile}>
              Export file
            </button>
            <label className="button">
              Import file
              <input type="file" accept="application/json,.json" className="sr-only" disabled={busy} onChange={importFile} />
            </label>
          </div>
          <ErrorLine message={Object.keys(errors).length > 0 ? 'Some fields need fixing before Knowledge can be saved.' : null} />
          {saved ? (
            <p className="muted" role="status">
              {saved}
            </p>
          ) : null}
        </form>
      )}
      <ErrorLine message={error?.message} />
    </section>
  );
}
