// The real ClubOS client (protocol §1–§2, MARKUP.md). Calls sign in lazily; a call that finds
// the session gone signs in again (one sign-in shared by every caller) and is retried once.
// Calls that depend on the server-side delegation (history, send) and the token-bound search run
// one at a time, since ClubOS keeps one delegated member and one set of form tokens per session.
import type { Logger } from '../../common/log/logger';
import { localDate, localTime } from '../../common/time/club-time';
import type { Clock } from '../../common/time/clock';
import { requireClubOSId } from '../../common/clubos-id';
import { ClubOSError, isClubOSError } from '../../common/errors/clubos-error';
import { createTransport, type ClubOSTransport } from './http-transport';
import { readInboxSnapshotInSlices } from './inbox-snapshot';
import { toMemberHistory } from './member-history';
import { pickSearchMatch, searchNameParts } from './member-search-match';
import { parseFollowUpPopup, type FollowUpPopup } from './parse/followup-popup';
import { isSomethingNotRight } from './parse/something-not-right';
import { parseSearchPage, parseSearchResults, type SearchForm } from './parse/search-page';
import { isMissingFieldError } from '../../common/errors/missing-field-error';
import { readSendReply } from './parse/send-reply';
import { buildSendForm } from './send-form';
import { createSerialQueue } from './serial-queue';
import { createSessionKeeper, type LiveSession } from './session-keeper';
import { DEFAULT_RESPONSE_LIMITS, type ResponseLimits } from './response-limits';
import { requireOk, sessionExpiredGuard } from './session-check';
import { DASHBOARD_VIEW, SEARCH_VIEW, signInToClubOS } from './sign-in';
import type { FormField } from './parse/form-fields';
import type { ClubOSId } from '../../common/clubos-id';
import type { ClubContext, ClubOSClient, ClubPageContext, InboxPageSource, MemberSearchResult, SendRequest } from './types';

export interface ClubOSClientOptions {
  /** `https://anytime.club-os.com`, or the simulator's `http://127.0.0.1:<port>`. */
  baseUrl: string;
  username: string;
  password: string;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
  /** Deadline of each request (the inbox's too, unless `limits` says otherwise). */
  timeoutMs?: number;
  /** Byte caps and deadlines of ClubOS answers; defaults in response-limits.ts. */
  limits?: Partial<ResponseLimits>;
  /** Least time between two sign-in attempts. */
  loginMinIntervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * The zone to read ClubOS times in when no ClubOS page names one: the account's confirmed zone,
   * else the computer's. Asked on every call, so a zone the user confirms applies from the next call.
   */
  fallbackTimeZone?: () => string;
}

export const DEFAULT_TIMEOUT_MS = DEFAULT_RESPONSE_LIMITS.pageTimeoutMs;
export const DEFAULT_LOGIN_MIN_INTERVAL_MS = 5_000;

const LEAD_PROFILE_VIEW = '/action/LeadProfile/view';

export function hostTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createClubOSClient(options: ClubOSClientOptions): ClubOSClient & InboxPageSource {
  const { clock } = options;
  const logger = options.logger.scope('clubos');
  const limits: ResponseLimits = {
    ...DEFAULT_RESPONSE_LIMITS,
    ...(options.timeoutMs === undefined ? {} : { pageTimeoutMs: options.timeoutMs, inboxTimeoutMs: options.timeoutMs }),
    ...options.limits,
  };
  const http: ClubOSTransport = createTransport({
    baseUrl: options.baseUrl,
    clock,
    logger,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: limits.pageTimeoutMs,
    maxBytes: limits.pageMaxBytes,
  });
  const sessions = createSessionKeeper({
    signIn: () => signInToClubOS(http, { username: options.username, password: options.password }),
    clock,
    sleep: options.sleep ?? realSleep,
    minIntervalMs: options.loginMinIntervalMs ?? DEFAULT_LOGIN_MIN_INTERVAL_MS,
    logger,
  });
  const oneAtATime = createSerialQueue();
  const fallbackZone = options.fallbackTimeZone ?? hostTimeZone;

  /** ClubOS's context with the zone every time is read in: ClubOS's own, else the fallback. */
  const resolved = (context: ClubPageContext): ClubContext => {
    const { timeZone, ...rest } = context;
    return timeZone !== null ? { ...rest, timeZone, timeZoneSource: 'clubos' } : { ...rest, timeZone: fallbackZone(), timeZoneSource: 'account' };
  };

  /** Runs `call` on the live session; when ClubOS says the session is gone, once more on a new one. */
  async function withSession<T>(what: string, signal: AbortSignal | undefined, call: (session: LiveSession) => Promise<T>): Promise<T> {
    try {
      throwIfAborted(signal, what);
      const first = await sessions.current(signal);
      try {
        return await call(first);
      } catch (error) {
        if (!isClubOSError(error) || error.kind !== 'session') throw error;
        sessions.invalidate(first);
      }
      const second = await sessions.current(signal);
      try {
        return await call(second);
      } catch (error) {
        if (isClubOSError(error) && error.kind === 'session') sessions.invalidate(second);
        throw error;
      }
    } catch (error) {
      throw asClubOSError(error, what, logger);
    }
  }

  async function delegateTo(memberId: ClubOSId, signal: AbortSignal | undefined): Promise<void> {
    const answer = await http.request({
      method: 'GET',
      path: `/action/Delegate/${memberId}/url=false`,
      query: { _: String(clock.now()) },
      xhr: true,
      referer: LEAD_PROFILE_VIEW,
      signal,
    });
    const body = requireOk(answer, 'the delegation');
    // ClubOS refuses with `<br />Something isn't right.  Please refresh…<br />` and a 200.
    if (isSomethingNotRight(body)) throw new ClubOSError('rejected', `ClubOS refused to open member ${memberId} ("Something isn't right")`);
    if ((await http.cookie('delegatedUserId')) !== memberId) {
      throw new ClubOSError('rejected', 'ClubOS did not delegate to the member');
    }
  }

  async function openFollowUp(memberId: ClubOSId, signal: AbortSignal | undefined): Promise<FollowUpPopup> {
    await delegateTo(memberId, signal);
    const answer = await http.request({
      method: 'POST',
      path: '/action/FollowUp',
      form: [
        ['followUpUserId', memberId],
        ['followUpType', '3'],
      ],
      xhr: true,
      referer: DASHBOARD_VIEW,
      signal,
    });
    const popup = parseFollowUpPopup(requireOk(answer, 'the FollowUp popup'));
    // ClubOS answers for the delegated member; another tab of the same login can change that.
    if (popup.memberId !== memberId) throw new ClubOSError('rejected', 'ClubOS opened the FollowUp popup of another member');
    return popup;
  }

  /**
   * The search form from the search page of the protocol notes; when that page is missing or holds
   * no search form, from the dashboard, whose `#quickSearchForm` a real capture shows.
   */
  async function searchFormPage(signal: AbortSignal | undefined): Promise<SearchForm> {
    const page = await http.request({ method: 'GET', path: SEARCH_VIEW, referer: DASHBOARD_VIEW, signal });
    if (page.status !== 404) {
      try {
        return parseSearchPage(requireOk(page, 'the search page'));
      } catch (error) {
        if (!isMissingFieldError(error)) throw error;
      }
    }
    logger.info('the search page has no search form; using the dashboard\'s');
    const dashboard = await http.request({ method: 'GET', path: DASHBOARD_VIEW, referer: DASHBOARD_VIEW, signal });
    return parseSearchPage(requireOk(dashboard, 'the dashboard'));
  }

  /** The inbox request: always the POST with the owner, since the GET refresh reads an owner remembered in the session, which two owners polled side by side would overwrite. */
  const inboxRequest = (ownerId: ClubOSId, signal: AbortSignal | undefined) =>
    ({
      method: 'POST',
      path: '/action/Dashboard/messages',
      form: [['userId', ownerId]],
      xhr: true,
      referer: DASHBOARD_VIEW,
      signal,
      maxBytes: limits.inboxMaxBytes,
      timeoutMs: limits.inboxTimeoutMs,
    }) as const;

  return {
    async signIn() {
      return withSession('signing in', undefined, (session) => Promise.resolve(resolved(session.context)));
    },

    async getClubContext() {
      return withSession('reading the club context', undefined, (session) => Promise.resolve(resolved(session.context)));
    },

    async getInbox(ownerId, signal, memo) {
      requireClubOSId(ownerId, 'the inbox owner');
      return withSession('reading the inbox', signal, async (session) => {
        const html = requireOk(await http.request(inboxRequest(ownerId, signal)), 'the inbox');
        // A long inbox is read in slices, yielding between them, so the window stays responsive.
        // Read inside the session: a login page in place of the fragment signs in again.
        return readInboxSnapshotInSlices(html, { ownerId, fetchedAt: clock.now(), timeZone: resolved(session.context).timeZone }, {}, memo ?? null);
      });
    },

    async streamInboxPage(ownerId, sink, signal, options = {}) {
      requireClubOSId(ownerId, 'the inbox owner');
      // The reader (in the sync worker) found ClubOS's login page in place of the fragment, as
      // getInbox's own reading would inside withSession: the session is gone, sign in again.
      if (options.sessionLost) {
        const stale = sessions.peek();
        if (stale) sessions.invalidate(stale);
      }
      return withSession('reading the inbox', signal, async (session) => {
        // Only a 200 is streamed, and only past the length of "Session Expired": a lost session
        // or a failure is found before any byte reaches the sink, so a retry here starts clean.
        const body = sessionExpiredGuard(sink, 'the inbox');
        const answer = await http.request({ ...inboxRequest(ownerId, signal), sinkFor: ({ status }) => (status === 200 ? body.write : null) });
        if (answer.body !== null) requireOk({ ...answer, body: answer.body }, 'the inbox');
        await body.end();
        return { ownerId, fetchedAt: clock.now(), timeZone: resolved(session.context).timeZone };
      });
    },

    async getHistory(memberId, signal) {
      requireClubOSId(memberId, 'the member');
      return oneAtATime.run(() =>
        withSession('reading a member history', signal, async (session) => toMemberHistory(await openFollowUp(memberId, signal), resolved(session.context))),
      );
    },

    async send(request: SendRequest, signal) {
      requireClubOSId(request.memberId, 'the member');
      if (request.body.trim() === '') throw new ClubOSError('rejected', 'an empty message is not sent');
      return oneAtATime.run(() =>
        withSession('sending a message', signal, async (session) => {
          const popup = await openFollowUp(request.memberId, signal);
          if (request.channel === 'sms' && !popup.canText) throw new ClubOSError('opted_out', 'the member opted out of text messages');
          const now = clock.now();
          const zone = resolved(session.context).timeZone;
          const form = buildSendForm(popup.fields, request, {
            staffId: session.context.loggedInUserId,
            localStamp: `${localDate(now, zone)} ${localTime(now, zone)}`,
          });
          const answer = await http.request({ method: 'POST', path: '/action/FollowUp/save', form, xhr: true, referer: LEAD_PROFILE_VIEW, signal });
          const reply = readSendReply(requireOk(answer, 'the send'), request.channel, request.memberId);
          if (reply.outcome !== 'sent') throw new ClubOSError(reply.outcome, reply.reason);
          logger.info('message sent', { memberId: request.memberId, channel: request.channel });
          return { sentAt: clock.now(), memberName: reply.memberName };
        }),
      );
    },

    async searchMember(fullName, signal) {
      const parts = searchNameParts(fullName);
      if (!parts) throw new ClubOSError('rejected', 'an empty name is not searched');
      const keyword = parts.first === parts.last ? parts.first : `${parts.first} ${parts.last}`;
      return oneAtATime.run(() =>
        withSession('searching for a member', signal, async (session): Promise<MemberSearchResult | null> => {
          const { fields } = await searchFormPage(signal);
          const answer = await http.request({
            method: 'POST',
            path: '/action/UserSearch/',
            form: searchForm(fields, keyword),
            xhr: true,
            referer: SEARCH_VIEW,
            signal,
          });
          const staffIds = new Set(session.context.staff.map((s) => s.id));
          return pickSearchMatch(parseSearchResults(requireOk(answer, 'the member search')), fullName, staffIds);
        }),
      );
    },

    async signOut() {
      // A sign-in under way would find its cookies gone and take that for refused credentials.
      await sessions.settled();
      const had = sessions.peek();
      sessions.forget();
      try {
        if (!had) return;
        const answer = await http.request({ method: 'GET', path: '/action/Logout', referer: DASHBOARD_VIEW });
        if (answer.status >= 500) throw new ClubOSError('http', `ClubOS failed the sign-out (HTTP ${answer.status})`, answer.status);
        logger.info('signed out of ClubOS');
      } catch (error) {
        throw asClubOSError(error, 'signing out', logger);
      } finally {
        http.forgetCookies();
      }
    },
  };
}

/** The search form as ClubOS served it, with the keyword; `actAs=loggedIn` as the protocol notes send it. */
function searchForm(fields: readonly FormField[], keyword: string): FormField[] {
  const filled: FormField[] = fields.map(([name, value]) => (name === 'filter.keyword' ? [name, keyword] : [name, value]));
  if (!filled.some(([name]) => name === 'actAs')) filled.push(['actAs', 'loggedIn']);
  return filled;
}

function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw new ClubOSError('timeout', `${what} was cancelled`);
}

/** The client fails only with ClubOSError; anything else is a defect, logged and typed. */
function asClubOSError(error: unknown, what: string, logger: Logger): ClubOSError {
  if (isClubOSError(error)) return error;
  logger.error('unexpected failure in the ClubOS client', { what, error });
  return new ClubOSError('parse', `unexpected failure while ${what}`, undefined, { cause: error });
}
