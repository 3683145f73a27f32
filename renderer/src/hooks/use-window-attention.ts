// Whether the user can see the window right now; re-renders when focus or visibility changes.
import { useCallback, useSyncExternalStore } from 'react';
import { useAppDeps } from '../store/store-context';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('focus', onChange);
  window.addEventListener('blur', onChange);
  document.addEventListener('visibilitychange', onChange);
  return () => {
    window.removeEventListener('focus', onChange);
    window.removeEventListener('blur', onChange);
    document.removeEventListener('visibilitychange', onChange);
  };
}

export function useWindowAttention(): boolean {
  const { isWindowAttentive } = useAppDeps();
  const snapshot = useCallback(() => isWindowAttentive(), [isWindowAttentive]);
  return useSyncExternalStore(subscribe, snapshot);
}
