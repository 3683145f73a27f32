// Team mode in the window: the team's status (Settings → Team), its staff, who else is in a
// conversation now, the open conversation's internal notes, assignment (with the take-over
// question) and the question a colliding send asks. Alone, the same calls work with nobody else.
import type { Collision, InternalNote, Presence, StaffMember, TeamStaff, TeamStatus } from '../../../common/contract';
import { toApiError, unwrap } from '../api';
import type { AppDeps } from './app-deps';
import type { GetState, SetState } from './store-types';

export type AssignTarget = { kind: 'me' } | { kind: 'staff'; staffId: string } | { kind: 'nobody' };

export interface TeamSliceState {
  status: TeamStatus | null;
  staff: TeamStaff[];
  /** Others viewing or replying, by conversation (pushed by `presenceChanged`). */
  presence: Record<number, Presence[]>;
  /** The open conversation's notes. */
  notes: { conversationId: number | null; items: InternalNote[] };
  /** An assignment that needs consent: the conversation is someone else's. */
  takeOver: { conversationId: number; assignee: StaffMember; to: AssignTarget } | null;
  /** A send that would collide, waiting for "send anyway" or cancel. */
  collision: { conversationId: number; collision: Collision } | null;
}

export interface TeamActions {
  loadTeam: () => Promise<void>;
  applyTeamStatus: (status: TeamStatus) => void;
  applyStaff: (staff: TeamStaff[]) => void;
  applyPresence: (conversationId: number, presence: Presence[]) => void;
  /** Loads who holds the conversation and who is here now (on opening it). */
  loadConversationTeam: (conversationId: number) => Promise<void>;
  loadNotes: (conversationId: number) => Promise<void>;
  applyNotes: (conversationId: number, notes: InternalNote[]) => void;
  /** Adds an internal note; true when stored. */
  addNote: (conversationId: number, body: string) => Promise<boolean>;
  /** Assigns; a conversation someone else holds asks first (takeOver) unless `takeOver` is given. */
  assign: (conversationId: number, to: AssignTarget, takeOver?: boolean) => Promise<void>;
  /** The take-over question was answered. */
  answerTakeOver: (yes: boolean) => Promise<void>;
  /** A send answered `confirm_needed`: ask. */
  askCollision: (conversationId: number, collision: Collision) => void;
  clearCollision: () => void;
}

export const initialTeamState: TeamSliceState = {
  status: null,
  staff: [],
  presence: {},
  notes: { conversationId: null, items: [] },
  takeOver: null,
  collision: null,
};

/** "Jordan", or "you" for this desk's own staff member. */
export function staffLabel(staff: StaffMember | null, me: StaffMember | null | undefined): string {
  if (staff === null) return 'Someone in ClubOS';
  return me && staff.id === me.id ? 'You' : staff.name;
}

export function createTeamActions(deps: AppDeps, set: SetState, get: GetState): TeamActions {
  const { api } = deps;
  const patch = (p: Partial<TeamSliceState>): void => set((s) => ({ team: { ...s.team, ...p } }));

  const applied = (conversation: Parameters<ReturnType<GetState>['applyConversation']>[0]): void => {
    get().applyConversation(conversation);
  };

  return {
    async loadTeam() {
      try {
        const [status, { staff }] = await Promise.all([unwrap(api.getTeam({})), unwrap(api.listStaff({}))]);
        patch({ status, staff });
      } catch {
        // Team mode is optional: without its status the window works alone.
      }
    },
    applyTeamStatus(status) {
      patch({ status });
    },
    applyStaff(staff) {
      patch({ staff });
    },
    applyPresence(conversationId, presence) {
      const next = { ...get().team.presence };
      if (presence.length === 0) delete next[conversationId];
      else next[conversationId] = presence;
      patch({ presence: next });
    },
    async loadConversationTeam(conversationId) {
      try {
        const team = await unwrap(api.getConversationTeam({ conversationId }));
        get().applyPresence(conversationId, team.presence);
      } catch {
        // Only the presence line depends on it.
      }
    },
    async loadNotes(conversationId) {
      if (get().team.notes.conversationId !== conversationId) patch({ notes: { conversationId, items: [] } });
      try {
        const { items } = await unwrap(api.listNotes({ conversationId }));
        if (get().thread.conversationId === conversationId) patch({ notes: { conversationId, items } });
      } catch {
        // The thread still shows its messages.
      }
    },
    applyNotes(conversationId, notes) {
      const current = get().team.notes;
      if (current.conversationId !== conversationId) return;
      const known = new Set(current.items.map((n) => n.uid));
      const added = notes.filter((n) => !known.has(n.uid));
      if (added.length === 0) return;
      patch({ notes: { conversationId, items: [...current.items, ...added].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id) } });
    },
    async addNote(conversationId, body) {
      const text = body.trim();
      if (text === '') return false;
      try {
        const note = await unwrap(api.addNote({ conversationId, body: text }));
        get().applyNotes(conversationId, [note]);
        get().announce('Note added. Members never see notes.');
        return true;
      } catch (error) {
        get().alert(`The note was not added: ${toApiError(error).message}`);
        return false;
      }
    },
    async assign(conversationId, to, takeOver) {
      try {
        const conversation = await unwrap(api.assignConversation({ conversationId, to, ...(takeOver ? { takeOver: true } : {}) }));
        applied(conversation);
        patch({ takeOver: null });
        const who = conversation.assignee;
        get().announce(who ? `Assigned to ${staffLabel(who, get().team.status?.me).replace(/^You$/, 'you')}.` : 'Unassigned.');
        void get().refreshCounts();
        if (get().list.filter === 'mine') void get().refreshList();
      } catch (error) {
        const e = toApiError(error);
        if (e.code === 'already_assigned' && e.assignee) {
          patch({ takeOver: { conversationId, assignee: e.assignee, to } });
          return;
        }
        get().alert(`The conversation was not assigned: ${e.message}`);
      }
    },
    async answerTakeOver(yes) {
      const pending = get().team.takeOver;
      patch({ takeOver: null });
      if (yes && pending) await get().assign(pending.conversationId, pending.to, true);
    },
    askCollision(conversationId, collision) {
      patch({ collision: { conversationId, collision } });
    },
    clearCollision() {
      patch({ collision: null });
    },
  };
}
