import { useAppStore } from '../store/store-context';

export const DEMO_BANNER_TEXT = "Demo mode — showing a simulated ClubOS club. Sign in to use your club's inbox.";

export function DemoBanner() {
  const demo = useAppStore((s) => s.session.account?.mode === 'demo');
  const openDialog = useAppStore((s) => s.openDialog);
  if (!demo) return null;
  return (
    <section className="demo-banner" aria-label="Demo mode">
      <p>{DEMO_BANNER_TEXT}</p>
      <button type="button" className="button button--small" onClick={() => openDialog('settings')}>
        Sign in
      </button>
    </section>
  );
}
