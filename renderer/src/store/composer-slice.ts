// Reply drafts (one per conversation, kept while the user switches), suggested replies and sending.
import type { ApiError, Conversation, Suggestion } from '../../../common/contract';
import { toApiError, unwrap } from '../api';
import type { AppDeps } from './app-deps';
import { appendMessage } from './message-merge';
import type { GetState, LoadStatus, SetState } from './store-types';

export type ReplyChannel = 'sms' | 'email';

export interface Draft {
  channel: ReplyChannel;
  body: string;
  subject: string;
  /** The suggested reply the body started from, reported with the send. */
  suggestionId: string | null;
  /** The assistant's stored draft the body started from: closed as sent (logged as edited when changed). */
  draftId?: number | null;
  /** What the box writes: a reply to the member, or an internal note members never see. */
  mode?: 'reply' | 'note';
  /** The note being written, kept apart from the reply so switching loses neither. */
  note?: string;
}

export interface ComposerState {
  drafts: Record<number, Draft>;
  suggestions: { conversationId: number | null; items: Suggestion[]; status: LoadStatus };
  sending: boolean;
  sendError: ApiError | null;
}

export interface ComposerActions {
  updateDraft: (conversationId: number, patch: Partial<Draft>) => void;
  loadSuggestions: (conversationId: number) => Promise<void>;
  /**
   * Sends the conversation's draft; true when it was sent. When someone else replied (or is
   * replying) within the last minute the core asks first: the question is put to staff and
   * nothing is sent until they confirm, which sends again with `confirmCollision`.
   */
  sendReply: (conversationId: number, confirmCollision?: boolean) => Promise<boolean>;
}

export const initialComposerState: ComposerState = {
  drafts: {},
  suggestions: { conversationId: null, items: [], status: 'idle' },
  sending: false,
  sendError: null,
};

/** A member who opted out of texts can still be emailed, so their draft starts as an email. */
export function emptyDraft(conversation: Conversation | null): Draft {
  return { channel: conversation?.optedOut ? 'email' : 'sms', body: '', subject: '', suggestionId: null };
}

export function createComposerActions(deps: AppDeps, set: SetState, get: GetState): ComposerActions {
  const { api } = deps;
  const patch = (p: Partial<ComposerState>): void => set((s) => ({ composer: { ...s.composer, ...p } }));

  return {
    updateDraft(conversationId, change) {
      const { composer, thread } = get();
      const conversation = thread.conversation?.id === conversationId ? thread.conversation : null;
      const current = composer.drafts[conversationId] ?? emptyDraft(conversation);
      patch({ drafts: { ...composer.drafts, [conversationId]: { ...current, ...change } }, sendError: null });
    },
    async loadSuggestions(conversationId) {
      patch({ suggestions: { conversationId, items: [], status: 'loading' } });
      try {
        const { suggestions } = await unwrap(api.suggestReplies({ conversationId }));
        if (get().composer.suggestions.conversationId === conversationId) {
          patch({ suggestions: { conversationId, items: suggestions, status: 'ready' } });
        }
      } catch {
        // Suggestions are optional help: without them the composer still works.
        if (get().composer.suggestions.conversationId === conversationId) {
          patch({ suggestions: { conversationId, items: [], status: 'error' } });
        }
      }
    },
    async sendReply(conversationId, confirmCollision) {
      const { composer, thread } = get();
      if (composer.sending) return false;
      const conversation = thread.conversation?.id === conversationId ? thread.conversation : null;
      const draft = composer.drafts[conversationId] ?? emptyDraft(conversation);
      const body = draft.body.trim();
      if (body === '') return false;
      patch({ sending: true, sendError: null });
      try {
        const message = await unwrap(
          api.sendReply({
            conversationId,
            channel: draft.channel,
            body,
            ...(draft.channel === 'email' && draft.subject.trim() !== '' ? { subject: draft.subject.trim() } : {}),
            ...(draft.suggestionId !== null ? { suggestionId: draft.suggestionId } : {}),
            ...(draft.draftId != null ? { draftId: draft.draftId } : {}),
            ...(confirmCollision ? { confirmCollision: true } : {}),
          }),
        );
        const drafts = { ...get().composer.drafts };
        delete drafts[conversationId];
        patch({ sending: false, drafts });
        const current = get().thread;
        if (current.conversationId === conversationId) {
          set({ thread: { ...current, messages: appendMessage(current.messages, message) } });
        }
        get().announce(draft.channel === 'sms' ? 'Text sent.' : 'Email sent.');
        void get().refreshList();
        void get().refreshCounts();
        return true;
      } catch (error) {
        const e = toApiError(error);
        if (e.code === 'confirm_needed' && e.collision) {
          patch({ sending: false });
          get().askCollision(conversationId, e.collision);
          return false;
        }
        patch({ sending: false, sendError: e });
        return false;
      }
    },
  };
}
