// What start-up has to tell the user, from the core's own words: a repaired database (how many
// messages were kept) as a banner they can dismiss, or, when Frontdesk cannot run at all (its data
// folder is read-only, the disk is full…), a screen that says why and what to do.
import type { StartupNotice } from '../../../common/contract';
import { useAppStore } from '../store/store-context';

export function StartupNoticeBanner() {
  const notice = useAppStore((s) => s.session.startupNotice);
  const dismissed = useAppStore((s) => s.session.startupNoticeDismissed);
  const dismiss = useAppStore((s) => s.dismissStartupNotice);
  if (notice === null || notice.level !== 'warning' || dismissed) return null;
  return (
    <section className="startup-notice" role="status" aria-label={notice.title}>
      <div className="startup-notice__text">
        <strong>{notice.title}</strong>
        <p>{notice.message}</p>
      </div>
      <button type="button" className="button button--small" onClick={dismiss}>
        Dismiss
      </button>
    </section>
  );
}

export function StartupFailure({ notice }: { notice: StartupNotice }) {
  return (
    <main className="startup-failure" role="alert" aria-labelledby="startup-failure-title">
      <h1 id="startup-failure-title">{notice.title}</h1>
      <p>{notice.message}</p>
    </main>
  );
}
