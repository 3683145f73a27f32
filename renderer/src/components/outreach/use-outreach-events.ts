// Re-runs `reload` whenever the core reports a campaign or scheduled-item change (the store counts
// them; the window keeps one event subscription).
import { useEffect } from 'react';
import { useAppStore } from '../../store/store-context';

export function useOutreachReload(reload: () => void): void {
  const version = useAppStore((s) => s.ui.outreachVersion);
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
}
