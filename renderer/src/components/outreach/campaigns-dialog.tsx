// Campaigns: pick recipients (conversations by status and tag, members found in ClubOS, or a CSV),
// write the message with merge fields, check the text each member gets, approve, and watch it go
// out (progress, per-recipient status and why) with pause, resume and cancel.
import { useCallback, useEffect, useState } from 'react';
import type { CampaignRecipientView, CampaignSource, CampaignView, ConversationStatus, MergeField } from '../../../../common/contract';
import { toApiError, unwrap } from '../../api';
import { useAppDeps, useAppStore } from '../../store/store-context';
import { Modal } from '../modal';
import { useCampaignEvents, useOutreachResync } from './use-outreach-events';
import { ErrorLine } from '../error-line';

const STATUSES: ConversationStatus[] = ['open', 'pending', 'snoozed', 'resolved', 'archived'];

function Progress({ c }: { c: CampaignView }) {
  const done = c.counts.sent + c.counts.skipped + c.counts.failed;
  return (
    <div>
      <progress className="campaign-progress" max={Math.max(1, c.counts.total)} value={done} aria-label={`${done} of ${c.counts.total} handled`} />
      <span className="muted">
        {c.counts.sent} sent · {c.counts.skipped} skipped · {c.counts.failed} failed · {c.counts.queued + c.counts.sending} to go
      </span>
    </div>
  );
}

function CampaignDetail({ campaign, onBack }: { campaign: CampaignView; onBack: () => void }) {
  const { api } = useAppDeps();
  const username = useAppStore((s) => s.session.account?.username ?? '');
  const [c, setC] = useState(campaign);
  const [recipients, setRecipients] = useState<CampaignRecipientView[]>([]);
  const [approver, setApprover] = useState(username);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    api.getCampaign({ campaignId: campaign.id, limit: 500 }).then(
      (o) => {
        if (o.ok) {
          setC(o.value.campaign);
          setRecipients(o.value.recipients);
        }
      },
      () => undefined,
    );
  }, [api, campaign.id]);
  useEffect(reload, [reload]);
  useOutreachResync(reload);
  // Each event carries the campaign and the recipients it moved; only a change too large to carry refetches.
  const applyEvent = useCallback(
    (updated: CampaignView, moved: CampaignRecipientView[] | null) => {
      if (updated.id !== campaign.id) return;
      setC(updated);
      if (moved === null) reload();
      else if (moved.length > 0) {
        const byId = new Map(moved.map((r) => [r.id, r]));
        setRecipients((list) => list.map((r) => byId.get(r.id) ?? r));
      }
    },
    [campaign.id, reload],
  );
  useCampaignEvents(applyEvent);
  // The answer is the campaign as it now is; its event brings the recipients the step moved.
  const act = (p: Promise<CampaignView>): void => {
    setError(null);
    p.then(setC, (e: unknown) => setError(toApiError(e).message));
  };
  const id = c.id;
  return (
    <section aria-label={`Campaign ${c.name}`}>
      <button type="button" className="button button--small" onClick={onBack}>
        ← All campaigns
      </button>
      <h3>
        {c.name} <span className="chip">{c.state}</span>
      </h3>
      <p className="muted">
        {c.source} · up to {c.ratePerMinute} a minute · {c.sendingHours ? `sends ${c.sendingHours.from}–${c.sendingHours.to} club time` : 'sends around the clock'}
        {c.approvedBy ? ` · approved by ${c.approvedBy}` : ''}
      </p>
      <blockquote>{c.body}</blockquote>
      <Progress c={c} />
      <div className="campaign-actions">
        {c.state === 'draft' ? (
          <>
            <label>
              Approved by <input className="input" value={approver} onChange={(e) => setApprover(e.target.value)} />
            </label>
            <button type="button" className="button button--primary" disabled={approver.trim() === '' || c.counts.queued === 0} onClick={() => act(unwrap(api.approveCampaign({ campaignId: id, approvedBy: approver.trim() })))}>
              Approve and send {c.counts.queued} texts
            </button>
          </>
        ) : null}
        {c.state === 'running' ? (
          <button type="button" className="button" onClick={() => act(unwrap(api.pauseCampaign({ campaignId: id })))}>
            Pause
          </button>
        ) : null}
        {c.state === 'paused' ? (
          <button type="button" className="button" onClick={() => act(unwrap(api.resumeCampaign({ campaignId: id })))}>
            Resume
          </button>
        ) : null}
        {c.state === 'draft' || c.state === 'running' || c.state === 'paused' ? (
          <button type="button" className="button" onClick={() => act(unwrap(api.cancelCampaign({ campaignId: id })))}>
            Cancel campaign
          </button>
        ) : null}
      </div>
      <ErrorLine message={error} />
      <table className="campaign-table">
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Status</th>
            <th scope="col">Text, or why not</th>
          </tr>
        </thead>
        <tbody>
          {recipients.map((r) => (
            <tr key={r.id}>
              <td>{r.memberName || `ClubOS member ${r.memberId ?? ''}`}</td>
              <td className={`recipient-state--${r.state}`}>{r.state}</td>
              <td>{r.reason ?? r.preview}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function NewCampaign({ onCreated }: { onCreated: (c: CampaignView) => void }) {
  const { api } = useAppDeps();
  const [name, setName] = useState('');
  const [body, setBody] = useState('Hi {firstName}, ');
  const [kind, setKind] = useState<CampaignSource['kind']>('conversations');
  const [statuses, setStatuses] = useState<ConversationStatus[]>(['open']);
  const [tag, setTag] = useState('');
  const [csv, setCsv] = useState('');
  const [query, setQuery] = useState('');
  const [members, setMembers] = useState<Array<{ id: string; name: string }>>([]);
  const [rate, setRate] = useState(20);
  const [aroundTheClock, setAroundTheClock] = useState(false);
  const [from, setFrom] = useState('08:00');
  const [to, setTo] = useState('21:00');
  const [fields, setFields] = useState<MergeField[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.listMergeFields({}).then(
      (o) => {
        if (o.ok) setFields(o.value.fields);
      },
      () => undefined,
    );
  }, [api]);

  const source = (): CampaignSource =>
    kind === 'conversations'
      ? { kind, statuses, ...(tag.trim() ? { tag: tag.trim() } : {}) }
      : kind === 'members'
        ? { kind, members }
        : { kind, text: csv };

  const find = async (): Promise<void> => {
    setError(null);
    try {
      const { member } = await unwrap(api.searchMembers({ name: query }));
      if (!member) setError(`ClubOS has no member named "${query}".`);
      else if (!members.some((m) => m.id === member.id)) setMembers([...members, member]);
      setQuery('');
    } catch (e) {
      setError(toApiError(e).message);
    }
  };

  const create = async (): Promise<void> => {
    setError(null);
    setBusy(true);
    try {
      onCreated(await unwrap(api.createCampaign({ name, body, source: source(), ratePerMinute: rate, sendingHours: aroundTheClock ? null : { from, to } })));
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="campaign-form"
      aria-label="New campaign"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <label>
        Name <input className="input" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Message
        <textarea className="input" required maxLength={2000} value={body} onChange={(e) => setBody(e.target.value)} />
      </label>
      <div role="group" aria-label="Merge fields">
        {fields.map((f) => (
          <button key={f.name} type="button" className="button button--small" onClick={() => setBody(`${body}{${f.name}}`)}>
            {f.label}
          </button>
        ))}
      </div>
      <fieldset>
        <legend>Recipients</legend>
        {(['conversations', 'members', 'csv'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="campaign-source" checked={kind === k} onChange={() => setKind(k)} />{' '}
            {k === 'conversations' ? 'Conversations by status and tag' : k === 'members' ? 'Members found in ClubOS' : 'A CSV file'}
          </label>
        ))}
        {kind === 'conversations' ? (
          <div>
            {STATUSES.map((s) => (
              <label key={s}>
                <input type="checkbox" checked={statuses.includes(s)} onChange={(e) => setStatuses(e.target.checked ? [...statuses, s] : statuses.filter((x) => x !== s))} /> {s}
              </label>
            ))}
            <label>
              Tag <input className="input" value={tag} onChange={(e) => setTag(e.target.value)} />
            </label>
          </div>
        ) : null}
        {kind === 'members' ? (
          <div>
            <input className="input" placeholder="Member name" value={query} onChange={(e) => setQuery(e.target.value)} />
            <button type="button" className="button button--small" disabled={query.trim().length < 2} onClick={() => void find()}>
              Find in ClubOS
            </button>
            <ul>
              {members.map((m) => (
                <li key={m.id}>
                  {m.name}{' '}
                  <button type="button" className="button button--small" onClick={() => setMembers(members.filter((x) => x.id !== m.id))}>
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {kind === 'csv' ? (
          <div>
            <input
              type="file"
              accept=".csv,text/csv"
              aria-label="CSV file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void file.text().then(setCsv);
              }}
            />
            <textarea className="input" aria-label="CSV text" placeholder="id,first name,last name,phone" value={csv} onChange={(e) => setCsv(e.target.value)} />
          </div>
        ) : null}
      </fieldset>
      <label>
        Texts per minute <input className="input" type="number" min={1} max={6000} value={rate} onChange={(e) => setRate(Math.max(1, Number(e.target.value) || 1))} />
      </label>
      <div>
        <label>
          <input type="checkbox" checked={aroundTheClock} onChange={(e) => setAroundTheClock(e.target.checked)} /> Send around the clock
        </label>
        {!aroundTheClock ? (
          <>
            {' '}
            Send only between <input type="time" className="input" aria-label="From" value={from} onChange={(e) => setFrom(e.target.value)} /> and{' '}
            <input type="time" className="input" aria-label="To" value={to} onChange={(e) => setTo(e.target.value)} /> (club time)
          </>
        ) : null}
      </div>
      <ErrorLine message={error} />
      <button type="submit" className="button button--primary" disabled={busy || name.trim() === '' || body.trim() === '' || (kind === 'members' && members.length === 0) || (kind === 'csv' && csv.trim() === '')}>
        {busy ? 'Finding recipients…' : 'Create draft and preview'}
      </button>
    </form>
  );
}

export function CampaignsDialog() {
  const { api } = useAppDeps();
  const closeDialog = useAppStore((s) => s.closeDialog);
  const [campaigns, setCampaigns] = useState<CampaignView[]>([]);
  const [open, setOpen] = useState<CampaignView | null>(null);
  const [creating, setCreating] = useState(false);
  const reload = useCallback(() => {
    api.listCampaigns({}).then(
      (o) => {
        if (o.ok) setCampaigns(o.value.campaigns);
      },
      () => undefined,
    );
  }, [api]);
  useEffect(reload, [reload]);
  useOutreachResync(reload);
  const applyEvent = useCallback((updated: CampaignView) => {
    setCampaigns((list) => (list.some((c) => c.id === updated.id) ? list.map((c) => (c.id === updated.id ? updated : c)) : [updated, ...list]));
  }, []);
  useCampaignEvents(applyEvent);

  let content;
  if (open) content = <CampaignDetail campaign={open} onBack={() => setOpen(null)} />;
  else if (creating)
    content = (
      <NewCampaign
        onCreated={(c) => {
          setCreating(false);
          setOpen(c);
        }}
      />
    );
  else
    content = (
      <>
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          New campaign
        </button>
        {campaigns.length === 0 ? <p className="muted">No campaigns yet.</p> : null}
        <ul className="campaign-list">
          {campaigns.map((c) => (
            <li key={c.id}>
              <button type="button" className="button button--small" onClick={() => setOpen(c)}>
                {c.name}
              </button>{' '}
              <span className="chip">{c.state}</span>
              <Progress c={c} />
            </li>
          ))}
        </ul>
      </>
    );
  return (
    <Modal title="Campaigns" onClose={closeDialog} wide>
      {content}
    </Modal>
  );
}
