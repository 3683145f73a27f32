// Settings → Assistant: what the assistant may do per kind of message (off, suggest, queue, send by
// itself), the gates on automatic replies, the after-hours note, the optional model, and the
// action log export.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ApiError, AssistantState } from '../../../common/contract';
import { INTENTS, INTENT_LABELS } from '../../../common/intent-catalog';
import { ASSISTANT_MODES, NEVER_AUTO_INTENTS, type AssistantMode, type AssistantSettings } from '../../../common/assistant-settings';
import { toApiError, unwrap } from '../api';
import { useAppDeps } from '../store/store-context';
import { downloadText } from './download';
import { ErrorLine } from './error-line';

const MODE_LABELS: Readonly<Record<AssistantMode, string>> = {
  off: 'Off',
  suggest: 'Suggest in the composer',
  queue: 'Queue for approval',
  auto: 'Send by itself',
};


function NumberField({ label, value, min, max, step, onChange }: { label: string; value: number; min: number; max: number; step: number; onChange: (n: number) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input input--short"
        type="number"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => {
          const n = Number(e.target.value);
          if (Number.isFinite(n)) onChange(Math.min(max, Math.max(min, n)));
        }}
      />
    </div>
  );
}

export function AssistantSection() {
  const { api } = useAppDeps();
  const [state, setState] = useState<AssistantState | null>(null);
  const [draft, setDraft] = useState<AssistantSettings | null>(null);
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { baseUrl: useId(), model: useId(), key: useId(), ack: useId() };

  useEffect(() => {
    let live = true;
    unwrap(api.getAssistant({})).then(
      (s) => {
        if (!live) return;
        setState(s);
        setDraft(s.settings);
      },
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const run = (work: Promise<AssistantState>, done: string): void => {
    setBusy(true);
    setError(null);
    setNotice(null);
    work
      .then((s) => {
        setState(s);
        setDraft(s.settings);
        setNotice(done);
      }, (e: unknown) => setError(toApiError(e)))
      .finally(() => setBusy(false));
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (draft) run(unwrap(api.setAssistant({ settings: draft })), 'Assistant settings saved.');
  };

  const change = (patch: Partial<AssistantSettings>): void => setDraft((d) => (d ? { ...d, ...patch } : d));

  const exportLog = (): void => {
    setError(null);
    unwrap(api.exportActionLog({})).then(
      (file) => downloadText(file.fileName, file.content, 'text/csv'),
      (e: unknown) => setError(toApiError(e)),
    );
  };

  return (
    <section className="settings-section" aria-labelledby="settings-assistant">
      <h3 id="settings-assistant">Assistant</h3>
      <p className="muted">
        Drafts come from Knowledge. Complaints, billing, cancellations, anything a safety check flags and members who opted out are never
        answered automatically, whatever is chosen here.
      </p>
      {draft === null ? (
        error ? null : <p className="muted">Loading…</p>
      ) : (
        <form className="form" aria-label="Assistant" noValidate onSubmit={submit}>
          <fieldset className="fieldset">
            <legend>For each kind of message</legend>
            <div className="policy-grid">
              {INTENTS.map((intent) => {
                const id = `policy-${intent}`;
                return (
                  <div key={intent} className="policy-row">
                    <label htmlFor={id}>
                      <span className="sr-only">What to do with </span>
                      {INTENT_LABELS[intent]}
                    </label>
                    <select
                      id={id}
                      className="input"
                      value={draft.policy[intent]}
                      onChange={(e) => change({ policy: { ...draft.policy, [intent]: e.target.value as AssistantMode } })}
                    >
                      {ASSISTANT_MODES.filter((m) => m !== 'auto' || !NEVER_AUTO_INTENTS.has(intent)).map((m) => (
                        <option key={m} value={m}>
                          {MODE_LABELS[m]}
                        </option>
                      ))}
                    </select>
                  </div>
                );
              })}
            </div>
          </fieldset>
          <fieldset className="fieldset">
            <legend>Sending by itself</legend>
            <NumberField label="Only when the classifier is at least (%) sure" value={Math.round(draft.autoThreshold * 100)} min={50} max={100} step={1} onChange={(n) => change({ autoThreshold: n / 100 })} />
            <NumberField label="At most this many automatic replies an hour" value={draft.hourlyCap} min={0} max={200} step={1} onChange={(n) => change({ hourlyCap: Math.round(n) })} />
            <label className="checkbox">
              <input type="checkbox" checked={draft.autoAfterHours} onChange={(e) => change({ autoAfterHours: e.target.checked })} />
              Also outside staffed hours (otherwise those drafts wait for approval)
            </label>
          </fieldset>
          <fieldset className="fieldset">
            <legend>After hours</legend>
            <label className="checkbox">
              <input type="checkbox" checked={draft.afterHoursAck.enabled} onChange={(e) => change({ afterHoursAck: { ...draft.afterHoursAck, enabled: e.target.checked } })} />
              Tell members we&apos;re closed, once per closed period
            </label>
            <div className="field">
              <label htmlFor={ids.ack}>Message ({'{opening}'} becomes the next staffed opening, e.g. &quot;tomorrow at 9 AM&quot;)</label>
              <textarea
                id={ids.ack}
                className="input"
                rows={2}
                maxLength={320}
                value={draft.afterHoursAck.text}
                onChange={(e) => change({ afterHoursAck: { ...draft.afterHoursAck, text: e.target.value } })}
              />
            </div>
          </fieldset>
          <fieldset className="fieldset">
            <legend>Language model (optional)</legend>
            <label className="checkbox">
              <input type="checkbox" checked={draft.model.enabled} onChange={(e) => change({ model: { ...draft.model, enabled: e.target.checked } })} />
              Draft replies with a model (any OpenAI-compatible server: Ollama, llama.cpp, a hosted service)
            </label>
            <div className="field">
              <label htmlFor={ids.baseUrl}>Server address</label>
              <input
                id={ids.baseUrl}
                className="input"
                placeholder="http://127.0.0.1:11434/v1"
                value={draft.model.baseUrl}
                onChange={(e) => change({ model: { ...draft.model, baseUrl: e.target.value } })}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.model}>Model</label>
              <input id={ids.model} className="input" placeholder="llama3.2" value={draft.model.model} onChange={(e) => change({ model: { ...draft.model, model: e.target.value } })} />
            </div>
            <NumberField label="Give up after (seconds)" value={draft.model.timeoutSeconds} min={5} max={120} step={1} onChange={(n) => change({ model: { ...draft.model, timeoutSeconds: Math.round(n) } })} />
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              Save assistant settings
            </button>
          </div>
        </form>
      )}
      {state ? (
        <div className="form">
          <div className="field">
            <label htmlFor={ids.key}>API key {state.apiKeyStored ? '(one is stored)' : '(none stored)'}</label>
            <input id={ids.key} className="input" type="password" autoComplete="off" value={apiKey} onChange={(e) => setApiKey(e.target.value)} />
            <p className="field-hint">
              Kept in the system keychain, like your ClubOS password
              {state.secretStorage === 'weak' ? '; on this system it is only obfuscated, not encrypted' : ''}.
            </p>
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              disabled={busy || apiKey.trim() === '' || state.secretStorage === 'unavailable'}
              onClick={() => {
                run(unwrap(api.setAssistantApiKey({ apiKey: apiKey.trim() })), 'API key saved.');
                setApiKey('');
              }}
            >
              Save key
            </button>
            {state.apiKeyStored ? (
              <button type="button" className="link-button" disabled={busy} onClick={() => run(unwrap(api.setAssistantApiKey({ apiKey: null })), 'API key removed.')}>
                Remove key
              </button>
            ) : null}
            <button type="button" className="button" onClick={exportLog}>
              Export action log (CSV)
            </button>
          </div>
        </div>
      ) : null}
      {notice ? (
        <p className="muted" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorLine message={error?.message} />
    </section>
  );
}
