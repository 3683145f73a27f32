// Wires the shortcuts to the store on the whole document.
import { useEffect } from 'react';
import type { AppState } from '../store/app-store';
import { useAppStoreApi } from '../store/store-context';
import { shortcutFor, type Shortcut } from './shortcuts';

/** j/k walk the search results while they are shown, else the conversation list. */
function move(state: AppState, delta: 1 | -1): void {
  const { submitted, hits } = state.search;
  if (submitted === null) {
    state.selectRelative(delta);
    return;
  }
  if (hits.length === 0) return;
  const index = hits.findIndex((h) => h.messageId === state.thread.targetMessageId);
  const next = hits[index < 0 ? (delta > 0 ? 0 : hits.length - 1) : Math.min(Math.max(index + delta, 0), hits.length - 1)];
  if (next && next.messageId !== state.thread.targetMessageId) state.openSearchHit(next);
}

/** Runs a shortcut; true when it did something (so the key press is consumed). */
export function runShortcut(state: AppState, shortcut: Shortcut, target: EventTarget | null = null): boolean {
  const conversation = state.thread.conversation;
  switch (shortcut) {
    case 'next':
      move(state, 1);
      return true;
    case 'previous':
      move(state, -1);
      return true;
    case 'resolve':
      if (!conversation) return false;
      if (conversation.status !== 'resolved') void state.setConversationStatus(conversation.id, 'resolved');
      return true;
    case 'archive':
      if (!conversation) return false;
      if (conversation.status !== 'archived') void state.setConversationStatus(conversation.id, 'archived');
      return true;
    case 'snooze':
      if (!conversation) return false;
      state.openDialog('snooze');
      return true;
    case 'handled':
      if (!conversation) return false;
      if (conversation.requiresResponse) void state.markConversationHandled(conversation.id);
      return true;
    case 'assignMe': {
      if (!conversation) return false;
      const me = state.team.status?.me ?? null;
      const mine = me !== null && conversation.assignee?.id === me.id;
      void state.assign(conversation.id, mine ? { kind: 'nobody' } : { kind: 'me' });
      return true;
    }
    case 'assign':
      if (!conversation) return false;
      state.requestFocus('assign');
      return true;
    case 'markUnread':
      if (!conversation) return false;
      void state.markConversationUnread(conversation.id);
      return true;
    case 'markRead':
      if (!conversation) return false;
      void state.markThreadRead();
      return true;
    case 'undo':
      if (state.ui.undo === null) return false;
      void state.undoLast();
      return true;
    case 'reply':
      if (!conversation) return false;
      state.requestFocus('composer');
      return true;
    case 'search':
      state.requestFocus('search');
      return true;
    case 'help':
      state.openDialog('help');
      return true;
    case 'escape':
      // Esc in the reply box leaves it (the draft stays), so the single-key commands work again.
      if (target instanceof HTMLElement && target.closest('.composer') !== null) {
        state.requestFocus('list');
        return true;
      }
      if (state.search.submitted === null) return false;
      state.clearSearch();
      state.requestFocus('list');
      return true;
  }
}

export function useKeyboardShortcuts(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return;
      const state = store.getState();
      // An open dialog owns the keyboard (it closes itself on Escape).
      if (state.ui.dialog !== null) return;
      const shortcut = shortcutFor(event, event.target);
      if (shortcut && runShortcut(state, shortcut, event.target)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
