// Starting the window and keeping it current: the first load, pushed events, and the refetch of
// everything on screen when the event sequence shows a gap.
import { appEventSchema, type AppEvent } from '../../../common/contract';
import type { AppDeps } from './app-deps';
import { createSeqTracker } from './seq-tracker';
import type { GetState, SetState } from './store-types';
import { loadView } from './view-memory';

export interface LifecycleActions {
  /** Subscribes to events and loads what the window shows; returns the unsubscribe. */
  start: () => () => void;
  receiveEvent: (event: AppEvent) => void;
  /** Refetches everything on screen (after missed events). */
  refetchVisible: () => Promise<void>;
}

/** The bridge is ours, but a malformed event must not break the window: it is checked against the contract. */
function looksLikeEvent(value: unknown): value is AppEvent {
  return appEventSchema.safeParse(value).success;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function createLifecycleActions(deps: AppDeps, set: SetState, get: GetState): LifecycleActions {
  const seq = createSeqTracker();

  const refetchVisible = async (): Promise<void> => {
    const state = get();
    const work: Promise<void>[] = [state.refreshList(), state.refreshCounts(), state.loadSyncStatus(), state.loadAccount(), state.loadQueue(), state.loadTeam()];
    if (state.thread.conversationId !== null) work.push(state.thread.status === 'ready' ? state.refreshThread() : state.openThread(state.thread.conversationId));
    if (state.search.submitted !== null) work.push(state.runSearch());
    state.outreachResync();
    await Promise.all(work);
  };

  const handle = (event: AppEvent, missed: boolean): void => {
    const state = get();
    switch (event.type) {
      case 'messagesAdded': {
        // The event carries what changed; after a gap, refetchVisible above reloads it all instead.
        if (!missed) {
          state.applyChanges(event.ownerId, event);
          const openId = state.thread.conversationId;
          const open = openId === null ? undefined : event.conversations.find((c) => c.id === openId);
          if (open && event.messages !== null) state.receiveMessages(open, event.messages);
          else if (openId !== null && event.conversationIds.includes(openId)) void state.refreshThread();
          // A reply that went out (the assistant's own, announced quietly) brings its "why" line from
          // the action log; a member's text alone changes nothing there, so costs no request.
          const sentHere = event.messages === null || event.messages.some((m) => m.conversationId === openId && m.direction === 'outbound');
          if (openId !== null && event.conversationIds.includes(openId) && sentHere) void state.loadActions(openId);
        }
        if (!event.quiet && event.count > 0) {
          const where = event.conversationIds.length > 1 ? ` in ${plural(event.conversationIds.length, 'conversation', 'conversations')}` : '';
          state.announce(`${plural(event.count, 'new message', 'new messages')}${where}.`);
        }
        return;
      }
      case 'conversationUpdated':
        state.applyConversation(event.conversation);
        if (!missed) state.applyCounts(event.conversation.ownerId, event);
        return;
      case 'syncStatusChanged': {
        const before = state.sync.status?.owners.some((o) => o.lastError !== null) ?? false;
        state.applySyncStatus(event.status);
        const failing = event.status.owners.find((o) => o.lastError !== null);
        if (!before && failing?.lastError) state.alert(`Sync failed: ${failing.lastError.message}`);
        return;
      }
      case 'accountChanged':
        state.applyAccount(event.account);
        void state.loadQueue();
        return;
      case 'draftProgress':
        state.receiveDraftProgress(event.requestId, event.conversationId, event.text);
        return;
      case 'approvalQueueChanged':
        state.setPending(event.pending);
        return;
      case 'importProgress':
        state.applyImportProgress(event);
        return;
      case 'campaignUpdated':
        state.applyCampaign(event.campaign, event.recipients);
        return;
      case 'scheduledChanged':
        state.applyScheduled(event.conversationId, event.items);
        return;
      case 'attentionRaised':
        state.announce(event.detail);
        return;
      case 'teamStatusChanged':
        state.applyTeamStatus(event.status);
        return;
      case 'staffChanged':
        state.applyStaff(event.staff);
        return;
      case 'presenceChanged':
        state.applyPresence(event.conversationId, event.presence);
        return;
      case 'notesAdded':
        state.applyNotes(event.conversationId, event.notes);
        return;
      case 'teamConflict':
        state.alert(event.message);
        return;
      case 'uiCommand':
        switch (event.command) {
          case 'openConversation':
            if (event.conversationId !== undefined) {
              state.closeDialog();
              state.selectConversation(event.conversationId);
            }
            return;
          case 'openSettings':
            state.openDialog('settings');
            return;
          case 'focusSearch':
            state.closeDialog();
            state.requestFocus('search');
            return;
          case 'showHelp':
            state.openDialog('help');
            return;
        }
    }
  };

  return {
    start() {
      // Subscribe first, then load: an event during the load is then seen, never lost.
      const unsubscribe = deps.api.onEvent((event) => get().receiveEvent(event));
      seq.reset();
      const view = loadView(deps.viewStorage);
      if (view) {
        set((s) => ({ list: { ...s.list, ownerId: view.ownerId, filter: view.filter, tag: view.tag } }));
      }
      const state = get();
      void state.loadStartupNotice();
      void state.loadAccount();
      void state.loadSyncStatus();
      void state.loadList();
      void state.refreshCounts();
      void state.loadQueue();
      void state.loadTeam();
      if (view?.selectedId != null) state.selectConversation(view.selectedId);
      return unsubscribe;
    },
    receiveEvent(event) {
      if (!looksLikeEvent(event)) return;
      const missed = seq.observe(event.seq) === 'missed';
      if (missed) void refetchVisible();
      handle(event, missed);
    },
    refetchVisible,
  };
}
