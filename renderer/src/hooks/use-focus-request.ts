// Focuses an element when the store asks for `target` (a shortcut, a menu item, the tray). The
// request is consumed, so an element mounted later does not steal focus for an old request.
import { useEffect, type RefObject } from 'react';
import { useAppStore } from '../store/store-context';
import type { FocusTarget } from '../store/ui-slice';

export function useFocusRequest(target: FocusTarget, ref: RefObject<HTMLElement | null>, select = false): void {
  const request = useAppStore((s) => s.ui.focus);
  const consumeFocus = useAppStore((s) => s.consumeFocus);
  useEffect(() => {
    if (request?.target !== target) return;
    const element = ref.current;
    if (!element) return;
    element.focus();
    if (select && element instanceof HTMLInputElement) element.select();
    consumeFocus(request.nonce);
  }, [request, target, ref, select, consumeFocus]);
}
