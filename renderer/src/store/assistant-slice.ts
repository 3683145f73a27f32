// The assistant in the window: the approval queue (its count for the sidebar, its items), the
// composer's "Draft reply" (streamed in from the model when one is set up), and the thread's
// record of what the assistant did and why.
import type { ActionLogEntry, ApiError, AssistantDraft, DraftResult } from '../../../common/contract';
import { toApiError, unwrap } from '../api';
import type { AppDeps } from './app-deps';
import type { GetState, LoadStatus, SetState } from './store-types';

export interface ComposerDraftState {
  conversationId: number | null;
  requestId: string | null;
  busy: boolean;
  source: DraftResult['source'] | null;
  notes: string[];
  error: ApiError | null;
}

export interface AssistantState {
  pending: number;
  queue: AssistantDraft[];
  queueStatus: LoadStatus;
  queueError: ApiError | null;
  /** Drafts being approved or rejected right now. */
  deciding: number[];
  composerDraft: ComposerDraftState;
  /** The open conversation's action log, newest first. */
  actions: { conversationId: number | null; items: ActionLogEntry[] };
}

export interface AssistantActions {
  loadQueue: () => Promise<void>;
  /** Approve (with the text as edited) or reject one draft; true when it went through. */
  decideDraft: (draftId: number, decision: 'approve' | 'reject', body?: string) => Promise<boolean>;
  approveDrafts: (draftIds: number[]) => Promise<void>;
  requestDraft: (conversationId: number) => Promise<void>;
  receiveDraftProgress: (requestId: string, conversationId: number, text: string) => void;
  setPending: (pending: number) => void;
  loadActions: (conversationId: number) => Promise<void>;
  /** Starts an empty composer from the assistant's stored draft (the "suggest" policy). */
  loadOpenDraft: (conversationId: number) => Promise<void>;
}

const idleDraft: ComposerDraftState = { conversationId: null, requestId: null, busy: false, source: null, notes: [], error: null };

export const initialAssistantState: AssistantState = {
  pending: 0,
  queue: [],
  queueStatus: 'idle',
  queueError: null,
  deciding: [],
  composerDraft: idleDraft,
  actions: { conversationId: null, items: [] },
};

export function createAssistantActions(deps: AppDeps, set: SetState, get: GetState): AssistantActions {
  const { api } = deps;
  const patch = (p: Partial<AssistantState>): void => set((s) => ({ assistant: { ...s.assistant, ...p } }));
  let requests = 0;

  const afterDecision = (): void => {
    void get().loadQueue();
    void get().refreshList();
    void get().refreshCounts();
    const open = get().thread.conversationId;
    if (open !== null) {
      void get().refreshThread();
      void get().loadActions(open);
    }
  };

  return {
    async loadQueue() {
      patch({ queueStatus: get().assistant.queue.length > 0 ? 'ready' : 'loading', queueError: null });
      try {
        const { items } = await unwrap(api.listApprovalQueue({}));
        patch({ queue: items, pending: items.length, queueStatus: 'ready' });
      } catch (error) {
        patch({ queueStatus: 'error', queueError: toApiError(error) });
      }
    },
    async decideDraft(draftId, decision, body) {
      patch({ deciding: [...get().assistant.deciding, draftId], queueError: null });
      try {
        await unwrap(api.decideDraft({ draftId, decision, ...(decision === 'approve' && body !== undefined ? { body } : {}) }));
        get().announce(decision === 'approve' ? 'Reply sent.' : 'Draft rejected.');
        return true;
      } catch (error) {
        patch({ queueError: toApiError(error) });
        return false;
      } finally {
        patch({ deciding: get().assistant.deciding.filter((id) => id !== draftId) });
        afterDecision();
      }
    },
    async approveDrafts(draftIds) {
      patch({ deciding: [...get().assistant.deciding, ...draftIds], queueError: null });
      try {
        const { results } = await unwrap(api.approveDrafts({ draftIds }));
        const failed = results.filter((r) => !r.ok);
        const sent = results.length - failed.length;
        get().announce(`${sent} ${sent === 1 ? 'reply' : 'replies'} sent.`);
        if (failed.length > 0) patch({ queueError: { code: failed[0]!.error?.code ?? 'internal', message: `${failed.length} not sent: ${failed[0]!.error?.message ?? 'unknown error'}` } });
      } catch (error) {
        patch({ queueError: toApiError(error) });
      } finally {
        patch({ deciding: get().assistant.deciding.filter((id) => !draftIds.includes(id)) });
        afterDecision();
      }
    },
    async requestDraft(conversationId) {
      const requestId = `draft-${Date.now().toString(36)}-${++requests}`;
      patch({ composerDraft: { conversationId, requestId, busy: true, source: null, notes: [], error: null } });
      try {
        const result = await unwrap(api.draftReply({ conversationId, requestId }));
        if (get().assistant.composerDraft.requestId !== requestId) return;
        if (result.text !== '') get().updateDraft(conversationId, { body: result.text, suggestionId: null, draftId: result.draftId });
        const notes = result.text === '' ? ['Nothing to draft for this message.', ...result.notes] : result.notes;
        patch({ composerDraft: { conversationId, requestId: null, busy: false, source: result.source, notes, error: null } });
      } catch (error) {
        if (get().assistant.composerDraft.requestId !== requestId) return;
        patch({ composerDraft: { conversationId, requestId: null, busy: false, source: null, notes: [], error: toApiError(error) } });
      }
    },
    receiveDraftProgress(requestId, conversationId, text) {
      const current = get().assistant.composerDraft;
      if (current.requestId !== requestId || current.conversationId !== conversationId) return;
      get().updateDraft(conversationId, { body: text, suggestionId: null });
    },
    setPending(pending) {
      patch({ pending });
      if (get().ui.dialog === 'queue') void get().loadQueue();
    },
    async loadOpenDraft(conversationId) {
      try {
        const { draft } = await unwrap(api.openDraft({ conversationId }));
        if (!draft || get().thread.conversationId !== conversationId) return;
        const current = get().composer.drafts[conversationId];
        // Never over what staff are typing.
        if (current && current.body.trim() !== '') return;
        get().updateDraft(conversationId, { body: draft.body, suggestionId: null, draftId: draft.id });
        patch({ composerDraft: { conversationId, requestId: null, busy: false, source: 'rules', notes: draft.notes, error: null } });
      } catch {
        // The composer works without it.
      }
    },
    async loadActions(conversationId) {
      try {
        const { items } = await unwrap(api.listActions({ conversationId, limit: 100 }));
        if (get().thread.conversationId === conversationId) patch({ actions: { conversationId, items } });
      } catch {
        // The "why" lines are help, not the thread: without them the thread still works.
      }
    },
  };
}
