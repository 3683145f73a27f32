// Settings → Team: join a team with a PostgreSQL connection string, test it, see how the desk is
// connected, choose the name colleagues see, or leave. The connection string is sent to the core
// once and never comes back: the field empties after joining and only the server without its
// password is shown (`user@host:port/db`).
import { useState } from 'react';
import type { TeamStatus } from '../../../../common/contract';
import { toApiError, unwrap } from '../../api';
import { useAppDeps, useAppStore } from '../../store/store-context';
import { Field } from '../field';
import { ErrorLine } from '../error-line';

const STATE_TEXT: Readonly<Record<TeamStatus['state'], string>> = {
  off: 'Not in a team: this desk works alone.',
  connecting: 'Connecting to the team…',
  online: 'Connected to the team.',
  offline: 'The team store cannot be reached: everything works here, and changes wait until it is back.',
};

function StatusLine({ status }: { status: TeamStatus }) {
  return (
    <div role="status" className="team-status">
      <p>
        <span className={`team-dot team-dot--${status.state}`} aria-hidden="true" /> {STATE_TEXT[status.state]}
      </p>
      {status.server ? <p className="muted">Server: {status.server}</p> : null}
      {status.state !== 'off' && status.pendingOutbox > 0 ? (
        <p className="muted">
          {status.pendingOutbox} {status.pendingOutbox === 1 ? 'change waits' : 'changes wait'} to reach the team.
        </p>
      ) : null}
      {status.lastError && status.state !== 'online' ? <p className="warn-text">{status.lastError}</p> : null}
      {status.secretStorage === 'weak' && status.state !== 'off' ? (
        <p className="warn-text">This computer has no keyring: the connection string is only obfuscated on disk.</p>
      ) : null}
    </div>
  );
}

export function TeamSection() {
  const { api } = useAppDeps();
  const status = useAppStore((s) => s.team.status);
  const applyTeamStatus = useAppStore((s) => s.applyTeamStatus);
  const loadTeam = useAppStore((s) => s.loadTeam);
  const [connection, setConnection] = useState('');
  const [name, setName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tested, setTested] = useState<{ ok: boolean; message: string } | null>(null);

  const run = (work: () => Promise<void>): void => {
    setBusy(true);
    setError(null);
    work()
      .catch((e: unknown) => setError(toApiError(e).message))
      .finally(() => setBusy(false));
  };

  const test = (): void =>
    run(async () => {
      setTested(null);
      const trimmed = connection.trim();
      const result = await unwrap(api.testTeamConnection(trimmed === '' ? {} : { connectionString: trimmed }));
      setTested({ ok: result.ok, message: result.message });
    });
  const join = (): void =>
    run(async () => {
      setTested(null);
      const next = await unwrap(api.setTeam({ connectionString: connection.trim() }));
      setConnection(''); // never kept in the window once the core has it
      applyTeamStatus(next);
      await loadTeam();
    });
  const leave = (): void =>
    run(async () => {
      applyTeamStatus(await unwrap(api.setTeam({ connectionString: null })));
      await loadTeam();
    });
  const saveName = (): void =>
    run(async () => {
      if (name === null || name.trim() === '') return;
      applyTeamStatus(await unwrap(api.setStaffName({ name: name.trim() })));
      setName(null);
      await loadTeam();
    });

  const inTeam = status !== null && status.state !== 'off';
  return (
    <section className="settings-section" aria-labelledby="settings-team">
      <h3 id="settings-team">Team</h3>
      {status ? <StatusLine status={status} /> : <p className="muted">Loading…</p>}
      <form
        className="team-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (connection.trim() !== '') join();
        }}
      >
        <Field
          label={inTeam ? 'New connection string' : 'PostgreSQL connection string'}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="postgres://user:password@host:5432/frontdesk"
          hint="Kept in this computer's keychain and never shown again. Every desk of the club uses the same database."
          value={connection}
          onChange={(e) => setConnection(e.target.value)}
        />
        <div className="inline-form">
          <button type="button" className="button" disabled={busy || (connection.trim() === '' && !inTeam)} onClick={test}>
            Test connection
          </button>
          <button type="submit" className="button button--primary" disabled={busy || connection.trim() === ''}>
            {inTeam ? 'Change' : 'Join team'}
          </button>
          {inTeam ? (
            <button type="button" className="button" disabled={busy} onClick={leave}>
              Leave team
            </button>
          ) : null}
        </div>
      </form>
      {tested ? (
        <p className={tested.ok ? 'ok-text' : 'error-text'} role="status">
          {tested.message}
        </p>
      ) : null}
      {status?.me ? (
        <form
          className="inline-form team-name"
          onSubmit={(event) => {
            event.preventDefault();
            saveName();
          }}
        >
          <Field
            label="Your name for the team"
            hint={`What colleagues see on your replies, notes and presence (you sign in as ${status.me.id}).`}
            maxLength={100}
            value={name ?? status.me.name}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="button" disabled={busy || name === null || name.trim() === '' || name.trim() === status.me.name}>
            Save name
          </button>
        </form>
      ) : null}
      <ErrorLine message={error} />
    </section>
  );
}
