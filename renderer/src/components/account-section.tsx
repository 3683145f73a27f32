// Settings → Account: demo mode or the signed-in user; sign in and sign out.
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../common/contract';
import { validateSignIn, type SignInField } from '../forms/sign-in-form';
import { useAppStore } from '../store/store-context';
import { ClubTimeZoneField } from './club-time-zone-field';
import { DEMO_BANNER_TEXT } from './demo-banner';
import { Field } from './field';
import { ErrorLine } from './error-line';

const STORAGE_NOTES: Readonly<Record<string, string>> = {
  weak: 'This computer has no secure keyring, so your password is stored with weak protection.',
  unavailable: 'This computer cannot store your password securely, so Frontdesk cannot keep you signed in.',
};

function SignInForm() {
  const signIn = useAppStore((s) => s.signIn);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [errors, setErrors] = useState<Partial<Record<SignInField, string>>>({});
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const checked = validateSignIn({ username, password, baseUrl });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setRefusal(null);
    setBusy(true);
    const error = await signIn(checked.values);
    setBusy(false);
    if (error) setRefusal(error);
    else setPassword('');
  };

  return (
    <form className="form" aria-label="Sign in to ClubOS" noValidate onSubmit={(event) => void submit(event)}>
      <Field label="ClubOS username" autoComplete="username" value={username} error={errors.username} onChange={(e) => setUsername(e.target.value)} />
      <Field
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        error={errors.password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <Field
        label="ClubOS address (optional)"
        type="url"
        placeholder="https://anytime.club-os.com"
        hint="Leave empty unless your club uses its own ClubOS address."
        value={baseUrl}
        error={errors.baseUrl}
        onChange={(e) => setBaseUrl(e.target.value)}
      />
      <ErrorLine message={refusal?.message} />
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

export function AccountSection() {
  const account = useAppStore((s) => s.session.account);
  const signOut = useAppStore((s) => s.signOut);
  const loadError = useAppStore((s) => s.session.error);
  const loadAccount = useAppStore((s) => s.loadAccount);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  if (!account) {
    return (
      <section className="settings-section" aria-labelledby="settings-account">
        <h3 id="settings-account">Account</h3>
        {loadError ? (
          <p className="error-text" role="alert">
            The account could not be loaded: {loadError.message}{' '}
            <button type="button" className="link-button" onClick={() => void loadAccount()}>
              Try again
            </button>
          </p>
        ) : (
          <p className="muted">Loading the account…</p>
        )}
      </section>
    );
  }
  const storageNote = STORAGE_NOTES[account.secretStorage];

  return (
    <section className="settings-section" aria-labelledby="settings-account">
      <h3 id="settings-account">Account</h3>
      {account.mode === 'demo' ? (
        <>
          <p className="demo-note">{DEMO_BANNER_TEXT}</p>
          <SignInForm />
        </>
      ) : (
        <div className="account-row">
          <p>
            Signed in as <strong>{account.username}</strong> at {account.baseUrl}.
          </p>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void signOut().then((refusal) => {
                setBusy(false);
                setError(refusal);
              });
            }}
          >
            Sign out
          </button>
        </div>
      )}
      <ClubTimeZoneField account={account} />
      {storageNote ? <p className="warn-text">{storageNote}</p> : null}
      <ErrorLine message={error?.message} />
    </section>
  );
}
