// The window's single store: one zustand store made of slices, each slice's data under its own key
// and every action at the top level.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppDeps } from './app-deps';
import { createAssistantActions, initialAssistantState, type AssistantActions, type AssistantState } from './assistant-slice';
import { createComposerActions, initialComposerState, type ComposerActions, type ComposerState } from './composer-slice';
import { loadDrafts, saveDrafts } from './draft-memory';
import { createConversationActions, type ConversationActions } from './conversation-actions';
import { createLifecycleActions, type LifecycleActions } from './lifecycle-slice';
import { createListActions, initialListState, type ListActions, type ListState } from './list-slice';
import { loadListPrefs } from './list-prefs';
import { createSearchActions, initialSearchState, type SearchActions, type SearchState } from './search-slice';
import { createSessionActions, initialSessionState, type SessionActions, type SessionState } from './session-slice';
import { createSyncActions, initialSyncState, type SyncActions, type SyncState } from './sync-slice';
import { createThreadActions, initialThreadState, type ThreadActions, type ThreadState } from './thread-slice';
import { createTeamActions, initialTeamState, type TeamActions, type TeamSliceState } from './team-slice';
import { createUiActions, initialUiState, type UiActions, type UiState } from './ui-slice';

export interface AppData {
  list: ListState;
  thread: ThreadState;
  composer: ComposerState;
  sync: SyncState;
  session: SessionState;
  search: SearchState;
  ui: UiState;
  assistant: AssistantState;
  team: TeamSliceState;
}

export type AppState = AppData &
  ListActions &
  ThreadActions &
  ComposerActions &
  ConversationActions &
  SyncActions &
  SessionActions &
  SearchActions &
  UiActions &
  AssistantActions &
  TeamActions &
  LifecycleActions;

export type AppStore = StoreApi<AppState>;

export function createAppStore(deps: AppDeps): AppStore {
  const store = createStore<AppState>()((set, get) => ({
    // Order and density are the user's, kept across restarts.
    list: { ...initialListState, ...loadListPrefs(deps.prefStorage) },
    thread: initialThreadState,
    composer: { ...initialComposerState, drafts: loadDrafts(deps.viewStorage) },
    sync: initialSyncState,
    session: initialSessionState,
    search: initialSearchState,
    ui: initialUiState,
    assistant: initialAssistantState,
    team: initialTeamState,
    ...createListActions(deps, set, get),
    ...createThreadActions(deps, set, get),
    ...createComposerActions(deps, set, get),
    ...createConversationActions(deps, set, get),
    ...createSyncActions(deps, set, get),
    ...createSessionActions(deps, set, get),
    ...createSearchActions(deps, set, get),
    ...createTeamActions(deps, set, get),
    ...createUiActions(set, get),
    ...createAssistantActions(deps, set, get),
    ...createLifecycleActions(deps, set, get),
  }));
  store.subscribe((state, previous) => {
    if (state.composer.drafts !== previous.composer.drafts) saveDrafts(deps.viewStorage, state.composer.drafts);
  });
  return store;
}
