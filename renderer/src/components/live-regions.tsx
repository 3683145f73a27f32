// What assistive technology hears: polite news (new messages, a sent reply) and alerts (failures).
// Alerts also show as a dismissible toast so sighted users see them too.
import { useState } from 'react';
import { useAppStore } from '../store/store-context';
import { UndoToast } from './undo-toast';

export function LiveRegions() {
  const announcement = useAppStore((s) => s.ui.announcement);
  const alertNotice = useAppStore((s) => s.ui.alertNotice);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const showToast = alertNotice !== null && alertNotice.nonce !== dismissed;
  return (
    <>
      <div className="sr-only" role="status" aria-live="polite" aria-atomic="true">
        {announcement ? <span key={announcement.nonce}>{announcement.text}</span> : null}
      </div>
      <div className="undo-region">
        <UndoToast />
      </div>
      <div className="toast-region" role="alert" aria-atomic="true">
        {showToast ? (
          <div className="toast" key={alertNotice.nonce}>
            <span>{alertNotice.text}</span>
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setDismissed(alertNotice.nonce)}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
        ) : null}
      </div>
    </>
  );
}
