// The ClubOS account (demo or signed in), the settings, and whose inboxes are synced (owners).
import type { Account, ApiError, ArgsInput, Owner, Result, Settings, StartupNotice } from '../../../common/contract';
import { toApiError, unwrap } from '../api';
import type { AppDeps } from './app-deps';
import type { GetState, LoadStatus, SetState } from './store-types';

export type Staff = Result<'listOwners'>['available'][number];

export interface SessionState {
  account: Account | null;
  settings: Settings | null;
  owners: Owner[];
  available: Staff[];
  status: LoadStatus;
  error: ApiError | null;
  /** What start-up has to tell the user: a repaired database, or why Frontdesk cannot run. */
  startupNotice: StartupNotice | null;
  startupNoticeDismissed: boolean;
}

export interface SessionActions {
  loadStartupNotice: () => Promise<void>;
  dismissStartupNotice: () => void;
  loadAccount: () => Promise<void>;
  loadOwners: () => Promise<void>;
  /** The account as the core reports it now; a different account reloads everything shown. */
  applyAccount: (account: Account) => void;
  /** Each returns the refusal to show next to the form, or null on success. */
  signIn: (args: ArgsInput<'signIn'>) => Promise<ApiError | null>;
  signOut: () => Promise<ApiError | null>;
  /** Confirms the club's time zone when ClubOS names none. */
  setClubTimeZone: (timeZone: string) => Promise<ApiError | null>;
  saveSettings: (change: ArgsInput<'setSettings'>) => Promise<ApiError | null>;
  addOwner: (ownerId: string, name?: string) => Promise<ApiError | null>;
  removeOwner: (ownerId: string) => Promise<ApiError | null>;
}

export const initialSessionState: SessionState = {
  account: null,
  settings: null,
  owners: [],
  available: [],
  status: 'idle',
  error: null,
  startupNotice: null,
  startupNoticeDismissed: false,
};

function sameIdentity(a: Account, b: Account): boolean {
  return a.mode === b.mode && a.username === b.username && a.baseUrl === b.baseUrl;
}

export function createSessionActions(deps: AppDeps, set: SetState, get: GetState): SessionActions {
  const { api } = deps;
  const patch = (p: Partial<SessionState>): void => set((s) => ({ session: { ...s.session, ...p } }));

  const attempt = async (work: () => Promise<void>): Promise<ApiError | null> => {
    try {
      await work();
      return null;
    } catch (error) {
      return toApiError(error);
    }
  };

  const loadOwners = async (): Promise<void> => {
    try {
      const { owners, available } = await unwrap(api.listOwners());
      patch({ owners, available });
    } catch {
      // The inbox list in the sidebar falls back to "All inboxes" alone.
    }
  };

  return {
    async loadStartupNotice() {
      try {
        const { notice } = await unwrap(api.getStartupNotice());
        patch({ startupNotice: notice });
      } catch {
        // An older core without the channel has nothing to say.
      }
    },
    dismissStartupNotice() {
      patch({ startupNoticeDismissed: true });
    },
    async loadAccount() {
      patch({ status: 'loading', error: null });
      try {
        const [account, settings] = await Promise.all([unwrap(api.getAccount()), unwrap(api.getSettings())]);
        patch({ settings });
        // Through applyAccount: a refetch after missed events may find another account signed in.
        get().applyAccount(account);
      } catch (error) {
        patch({ status: 'error', error: toApiError(error) });
      }
      await loadOwners();
    },
    loadOwners,
    applyAccount(account) {
      const previous = get().session.account;
      patch({ account, status: 'ready', error: null });
      if (previous === null || sameIdentity(previous, account)) return;
      // Another club or user: nothing on screen belongs to it any more.
      set((s) => ({ list: { ...s.list, ownerId: null, tag: null, selectedId: null } }));
      get().clearSearch();
      get().closeThread();
      void get().loadList();
      void get().refreshCounts();
      void get().loadSyncStatus();
      void loadOwners();
    },
    signIn(args) {
      return attempt(async () => get().applyAccount(await unwrap(api.signIn(args))));
    },
    signOut() {
      return attempt(async () => get().applyAccount(await unwrap(api.signOut())));
    },
    setClubTimeZone(timeZone) {
      return attempt(async () => get().applyAccount(await unwrap(api.setClubTimeZone({ timeZone }))));
    },
    saveSettings(change) {
      return attempt(async () => {
        patch({ settings: await unwrap(api.setSettings(change)) });
        // A new waiting threshold changes which conversations need a reply.
        if (change.waitingIgnoresImportedAfterDays !== undefined) {
          void get().refreshList();
          void get().refreshCounts();
        }
      });
    },
    addOwner(ownerId, name) {
      return attempt(async () => {
        await unwrap(api.addOwner(name !== undefined ? { ownerId, name } : { ownerId }));
        await loadOwners();
        void get().loadSyncStatus();
      });
    },
    removeOwner(ownerId) {
      return attempt(async () => {
        await unwrap(api.removeOwner({ ownerId }));
        await loadOwners();
        if (get().list.ownerId === ownerId) get().setInbox(null);
        void get().loadSyncStatus();
        void get().refreshList();
        void get().refreshCounts();
      });
    },
  };
}
