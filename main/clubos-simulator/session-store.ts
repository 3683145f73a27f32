// Server-side sessions keyed by JSESSIONID: who signed in, whom they act for, which inbox they
// last chose, and the single-use form tokens of the pages they were served.
import { LOGIN_TOKENS, type TokenShape, type TokenSource } from './tokens';

/** What a token pair may be posted to; the forms a page carries besides (e-mail, forgot password) get their own. */
export type FormPurpose = 'login' | 'forgot' | 'followup' | 'search' | 'email';

export interface IssuedForm {
  fp: string;
  purpose: FormPurpose;
  /** For a FollowUp popup: the member the form was rendered for. */
  memberId?: string;
}

export interface Session {
  readonly id: string;
  /** Null before login (a login view hands out a session to carry its tokens). */
  userId: string | null;
  delegatedId: string | null;
  /** The inbox owner the last `POST /action/Dashboard/messages` chose. */
  ownerId: string | null;
  /** Keyed by `_sourcePage`. */
  readonly forms: Map<string, IssuedForm>;
}

export interface SessionStore {
  create(): Session;
  /** The live session for a JSESSIONID, if any. */
  get(id: string | undefined): Session | undefined;
  drop(id: string): void;
  dropAll(): void;
  issueForm(session: Session, purpose: FormPurpose, memberId?: string, shape?: TokenShape): { sourcePage: string; fp: string };
  /** The form the pair was issued for, now used up; null when unknown, reused, or of another purpose. */
  consumeForm(session: Session, sourcePage: string, fp: string, purpose: FormPurpose): IssuedForm | null;
}

/** A browser tab rarely holds more open forms; older ones lapse. */
const MAX_FORMS_PER_SESSION = 32;
/** Bounds memory when a benchmark signs in thousands of times; the oldest sessions lapse. */
const MAX_SESSIONS = 5_000;

export function createSessionStore(tokens: TokenSource): SessionStore {
  const sessions = new Map<string, Session>();
  return {
    create() {
      let id = tokens.sessionId();
      while (sessions.has(id)) id = tokens.sessionId();
      const session: Session = { id, userId: null, delegatedId: null, ownerId: null, forms: new Map() };
      sessions.set(id, session);
      if (sessions.size > MAX_SESSIONS) {
        const oldest = sessions.keys().next().value;
        if (oldest !== undefined) sessions.delete(oldest);
      }
      return session;
    },
    get: (id) => (id === undefined ? undefined : sessions.get(id)),
    drop(id) {
      sessions.delete(id);
    },
    dropAll() {
      sessions.clear();
    },
    issueForm(session, purpose, memberId, shape = LOGIN_TOKENS) {
      const sourcePage = tokens.sourcePage(shape.sourcePage);
      const fp = tokens.fp(shape.fp);
      session.forms.set(sourcePage, memberId === undefined ? { fp, purpose } : { fp, purpose, memberId });
      if (session.forms.size > MAX_FORMS_PER_SESSION) {
        const oldest = session.forms.keys().next().value;
        if (oldest !== undefined) session.forms.delete(oldest);
      }
      return { sourcePage, fp };
    },
    consumeForm(session, sourcePage, fp, purpose) {
      const form = session.forms.get(sourcePage);
      if (!form || form.fp !== fp || form.purpose !== purpose) return null;
      session.forms.delete(sourcePage);
      return form;
    },
  };
}
