// Dialogs, focus requests from shortcuts and menus, what the screen reader hears, and the progress
// of a gym bot import started from the menu.
import type { CampaignRecipientView, CampaignView, ImportProgress, ScheduledItemView } from '../../../common/contract';
import type { GetState, SetState } from './store-types';

export type Dialog = 'settings' | 'help' | 'campaigns' | 'queue' | 'snooze' | 'reports';
export type FocusTarget = 'search' | 'composer' | 'list' | 'assign';

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
  /** The last report of a gym bot import; null when none ran or its result was dismissed. */
  importProgress: ImportProgress | null;
  /** The last scheduledChanged: a conversation's scheduled items as they now are (no refetch). */
  scheduled: { conversationId: number; items: ScheduledItemView[]; nonce: number } | null;
  /** The last campaignUpdated: the campaign and the recipients it moved (null: refetch them). */
  campaignChange: { campaign: CampaignView; recipients: CampaignRecipientView[] | null; nonce: number } | null;
  /** Bumped when events were missed: outreach views fetch again what they show. */
  outreachResync: number;
  /** The last resolve, archive, snooze or "handled", which the toast can take back for a few seconds. */
  undo: Notice | null;
  /** In a narrow window only one pane shows: the list or the open conversation. */
  pane: 'list' | 'thread';
  /** In a narrow window the filters open over the list. */
  navOpen: boolean;
}

/** How long the undo toast stays. */
export const UNDO_MS = 5_000;

export interface UiActions {
  openDialog: (dialog: Dialog) => void;
  closeDialog: () => void;
  requestFocus: (target: FocusTarget) => void;
  /** The element asked for has taken focus: the request is done. */
  consumeFocus: (nonce: number) => void;
  announce: (text: string) => void;
  alert: (text: string) => void;
  applyImportProgress: (report: ImportProgress) => void;
  dismissImportProgress: () => void;
  applyScheduled: (conversationId: number, items: ScheduledItemView[]) => void;
  applyCampaign: (campaign: CampaignView, recipients: CampaignRecipientView[] | null) => void;
  outreachResync: () => void;
  /** Shows the undo toast for `text`; `revert` runs if the user takes it back. */
  offerUndo: (text: string, revert: () => Promise<void>) => void;
  /** Takes back the action the toast offers (if it is still offered). */
  undoLast: () => Promise<void>;
  dismissUndo: (nonce: number) => void;
  showPane: (pane: 'list' | 'thread') => void;
  setNavOpen: (open: boolean) => void;
}

export const initialUiState: UiState = {
  dialog: null,
  focus: null,
  announcement: null,
  alertNotice: null,
  importProgress: null,
  scheduled: null,
  campaignChange: null,
  outreachResync: 0,
  undo: null,
  pane: 'list',
  navOpen: false,
};

export function createUiActions(set: SetState, get: GetState): UiActions {
  let nonce = 0;
  let revert: (() => Promise<void>) | null = null;
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
    applyImportProgress({ state, done, total, added, message }) {
      // Only the report's own fields: the event around it (type, seq) is not the store's business.
      patch({ importProgress: { state, done, total, ...(added === undefined ? {} : { added }), ...(message === undefined ? {} : { message }) } });
    },
    dismissImportProgress() {
      // A running import cannot be hidden: the bar is the only sign in the window that it writes.
      set((s) => (s.ui.importProgress?.state === 'running' ? {} : { ui: { ...s.ui, importProgress: null } }));
    },
    applyScheduled(conversationId, items) {
      patch({ scheduled: { conversationId, items, nonce: ++nonce } });
    },
    applyCampaign(campaign, recipients) {
      patch({ campaignChange: { campaign, recipients, nonce: ++nonce } });
    },
    outreachResync() {
      set((s) => ({ ui: { ...s.ui, outreachResync: s.ui.outreachResync + 1 } }));
    },
    offerUndo(text, run) {
      revert = run;
      patch({ undo: { text, nonce: ++nonce } });
    },
    async undoLast() {
      const run = revert;
      revert = null;
      if (!run || get().ui.undo === null) return;
      patch({ undo: null });
      await run();
    },
    showPane(pane) {
      patch({ pane });
    },
    setNavOpen(navOpen) {
      patch({ navOpen });
    },
    dismissUndo(done) {
      set((s) => (s.ui.undo?.nonce === done ? { ui: { ...s.ui, undo: null } } : {}));
      if (get().ui.undo === null) revert = null;
    },
  };
}
