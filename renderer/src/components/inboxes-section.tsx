// Settings → Inboxes: whose ClubOS inboxes Frontdesk syncs.
import { useState } from 'react';
import type { ApiError } from '../../../common/contract';
import { useAppStore } from '../store/store-context';
import { ErrorLine } from './error-line';

export function InboxesSection() {
  const owners = useAppStore((s) => s.session.owners);
  const available = useAppStore((s) => s.session.available);
  const addOwner = useAppStore((s) => s.addOwner);
  const removeOwner = useAppStore((s) => s.removeOwner);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const addable = available.filter((staff) => !owners.some((o) => o.id === staff.id));

  const act = (work: () => Promise<ApiError | null>): void => {
    setBusy(true);
    setError(null);
    void work().then((refusal) => {
      setBusy(false);
      setError(refusal);
    });
  };

  return (
    <section className="settings-section" aria-labelledby="settings-inboxes">
      <h3 id="settings-inboxes">Inboxes</h3>
      {owners.length === 0 ? <p className="muted">No inbox is synced yet.</p> : null}
      <ul className="owner-list">
        {owners.map((owner) => (
          <li key={owner.id} className="owner-row">
            <span>
              {owner.name}
              {owner.enabled ? null : <span className="muted"> (paused)</span>}
            </span>
            <button type="button" className="link-button" disabled={busy} onClick={() => act(() => removeOwner(owner.id))}>
              Remove<span className="sr-only"> {owner.name}</span>
            </button>
          </li>
        ))}
      </ul>
      {addable.length > 0 ? (
        <div className="inline-form">
          <label htmlFor="add-inbox">Add an inbox</label>
          <select id="add-inbox" className="select" value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">Choose a staff member…</option>
            {addable.map((staff) => (
              <option key={staff.id} value={staff.id}>
                {staff.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            disabled={busy || choice === ''}
            onClick={() => {
              const staff = addable.find((s) => s.id === choice);
              if (!staff) return;
              setChoice('');
              act(() => addOwner(staff.id, staff.name));
            }}
          >
            Add
          </button>
        </div>
      ) : null}
      <ErrorLine message={error?.message} />
    </section>
  );
}
