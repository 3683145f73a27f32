// After a renderer crash the shell reloads the window as `…#recovered`: say what happened, and
// that the reply being typed was kept.
import { useState } from 'react';

export const RECOVERED_BANNER_TEXT = 'Frontdesk’s window stopped unexpectedly and was reopened. Your unsent reply was kept.';

export function RecoveredBanner({ hash = typeof window === 'undefined' ? '' : window.location.hash }: { hash?: string }) {
  const [shown, setShown] = useState(hash === '#recovered');
  if (!shown) return null;
  return (
    <section className="demo-banner" role="status" aria-label="Window recovered">
      <p>{RECOVERED_BANNER_TEXT}</p>
      <button type="button" className="button button--small" onClick={() => setShown(false)}>
        Dismiss
      </button>
    </section>
  );
}
