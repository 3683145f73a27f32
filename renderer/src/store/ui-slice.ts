// Dialogs, focus requests from shortcuts and menus, and what the screen reader hears.
import type { GetState, SetState } from './store-types';

export type Dialog = 'settings' | 'help' | 'queue';
export type FocusTarget = 'search' | 'composer' | 'list';

/** `nonce` changes on every request, so asking twice for the same thing still acts twice. */
export interface Notice {
  text: string;
  nonce: number;
}

export interface UiState {
  dialog: Dialog | null;
  focus: { target: FocusTarget; nonce: number } | null;
  /** Polite news: new messages, a sent reply. */
  announcement: Notice | null;
  /** Failures the user must hear about now. */
  alertNotice: Notice | null;
}

export interface UiActions {
  openDialog: (dialog: Dialog) => void;
  closeDialog: () => void;
  requestFocus: (target: FocusTarget) => void;
  /** The element asked for has taken focus: the request is done. */
  consumeFocus: (nonce: number) => void;
  announce: (text: string) => void;
  alert: (text: string) => void;
}

export const initialUiState: UiState = { dialog: null, focus: null, announcement: null, alertNotice: null };

export function createUiActions(set: SetState, _get: GetState): UiActions {
  let nonce = 0;
  const patch = (p: Partial<UiState>): void => set((s) => ({ ui: { ...s.ui, ...p } }));
  return {
    openDialog(dialog) {
      patch({ dialog });
    },
    closeDialog() {
      patch({ dialog: null });
    },
    requestFocus(target) {
      patch({ focus: { target, nonce: ++nonce } });
    },
    consumeFocus(done) {
      set((s) => (s.ui.focus?.nonce === done ? { ui: { ...s.ui, focus: null } } : {}));
    },
    announce(text) {
      patch({ announcement: { text, nonce: ++nonce } });
    },
    alert(text) {
      patch({ alertNotice: { text, nonce: ++nonce } });
    },
  };
}
