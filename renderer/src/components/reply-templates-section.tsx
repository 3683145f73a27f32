// Settings → Suggested replies: staff reword the templates offered in the composer. The wording is
// theirs to keep (stored in the core); "Reset" brings the default back.
import { useEffect, useState } from 'react';
import type { ApiError, ReplyTemplateEntry } from '../../../common/contract';
import { INTENT_LABELS } from '../../../common/intent-catalog';
import { toApiError, unwrap } from '../api';
import { useAppDeps } from '../store/store-context';
import { ErrorLine } from './error-line';

export function ReplyTemplatesSection() {
  const { api } = useAppDeps();
  const [templates, setTemplates] = useState<ReplyTemplateEntry[] | null>(null);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    unwrap(api.listReplyTemplates()).then(
      (r) => live && setTemplates(r.templates),
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const save = (id: string, text: string | null): void => {
    setBusy(true);
    setError(null);
    unwrap(api.setReplyTemplate({ id, text }))
      .then((r) => {
        setTemplates(r.templates);
        setDrafts(({ [id]: _dropped, ...rest }) => rest);
      }, (e: unknown) => setError(toApiError(e)))
      .finally(() => setBusy(false));
  };

  return (
    <section className="settings-section" aria-labelledby="settings-templates">
      <h3 id="settings-templates">Suggested replies</h3>
      <p className="muted">Offered in the composer for each kind of message; {'{firstName}'} becomes the member&apos;s first name.</p>
      {templates === null && error === null ? <p className="muted">Loading…</p> : null}
      <ul className="template-list">
        {(templates ?? []).map((t) => {
          const draft = drafts[t.id] ?? t.text;
          const changed = draft.trim() !== t.text;
          const inputId = `template-${t.id}`;
          return (
            <li key={t.id} className="template-row">
              <label htmlFor={inputId} className="template-label">
                {INTENT_LABELS[t.intent]}
                {t.edited ? <span className="muted"> (edited)</span> : null}
              </label>
              <textarea
                id={inputId}
                className="input template-text"
                rows={2}
                value={draft}
                onChange={(e) => setDrafts((d) => ({ ...d, [t.id]: e.target.value }))}
              />
              <div className="template-actions">
                <button type="button" className="button button--small" disabled={busy || !changed || draft.trim() === ''} onClick={() => save(t.id, draft.trim())}>
                  Save<span className="sr-only"> {INTENT_LABELS[t.intent]} reply</span>
                </button>
                {t.edited ? (
                  <button type="button" className="link-button" disabled={busy} onClick={() => save(t.id, null)}>
                    Reset<span className="sr-only"> {INTENT_LABELS[t.intent]} reply</span>
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      <ErrorLine message={error?.message} />
    </section>
  );
}
