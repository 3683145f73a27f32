// The HTTP side: routing, the session gate, and transport-level faults (hang, slow, expired
// session, 403, 5xx) applied before a handler runs.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dashboardView, inbox } from './handle-dashboard';
import { delegate, isDelegatePath, leadProfile } from './handle-delegate';
import { followUpPopup, followUpSave, updateTimeZone } from './handle-followup';
import { loginPost, loginView, logout } from './handle-login';
import { searchPage, searchResults } from './handle-search';
import { BodyTooLargeError, htmlResponse, parseCookies, parseForm, readBody, redirectResponse, writeResponse } from './http-io';
import type { SimResponse } from './http-io';
import { SESSION_EXPIRED_BODY, loginViewUrl, sessionGoneResponse } from './sim-context';
import type { SimDeps, SimRequest, SignedInRequest } from './sim-context';

type Route =
  | { method: string; match: (path: string) => boolean; signedIn: false; handle: (req: SimRequest, deps: SimDeps) => SimResponse }
  | { method: string; match: (path: string) => boolean; signedIn: true; handle: (req: SignedInRequest, deps: SimDeps) => SimResponse };

const is = (...paths: string[]) => (path: string) => paths.includes(path);

const ROUTES: readonly Route[] = [
  { method: 'GET', match: is('/action/Login/view'), signedIn: false, handle: loginView },
  { method: 'POST', match: is('/action/Login'), signedIn: false, handle: loginPost },
  { method: 'GET', match: is('/action/Logout'), signedIn: false, handle: logout },
  { method: 'GET', match: is('/action/Dashboard/view', '/action/Dashboard'), signedIn: true, handle: dashboardView },
  { method: 'POST', match: is('/action/Dashboard/messages'), signedIn: true, handle: inbox },
  { method: 'GET', match: is('/action/Dashboard/messages'), signedIn: true, handle: inbox },
  { method: 'GET', match: isDelegatePath, signedIn: true, handle: delegate },
  { method: 'GET', match: is('/action/LeadProfile/view', '/action/LeadProfile'), signedIn: true, handle: leadProfile },
  { method: 'POST', match: is('/action/FollowUp'), signedIn: true, handle: followUpPopup },
  { method: 'POST', match: is('/action/FollowUp/save'), signedIn: true, handle: followUpSave },
  { method: 'POST', match: is('/action/FollowUp/UpdateTZ'), signedIn: true, handle: updateTimeZone },
  { method: 'GET', match: is('/action/Dashboard/search'), signedIn: true, handle: searchPage },
  { method: 'POST', match: is('/action/UserSearch/', '/action/UserSearch'), signedIn: true, handle: searchResults },
];

const MAX_BODY_BYTES = 1_000_000;
const SERVER_ERRORS = [500, 502, 503] as const;

function errorPage(status: number, title: string): SimResponse {
  return htmlResponse(`<html><head><title>${status} ${title}</title></head><body><h1>HTTP Status ${status} - ${title}</h1></body></html>\n`, status);
}

export interface SimServer {
  readonly baseUrl: string;
  /** How many requests hit a path prefix (all requests without one). */
  requestCount(prefix?: string): number;
  /** Ends every open request, hung ones included, and stops listening. */
  close(): Promise<void>;
}

export async function startServer(deps: SimDeps, port: number): Promise<SimServer> {
  const counts = new Map<string, number>();
  const pendingDelays = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  let closed = false;

  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          pendingDelays.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      pendingDelays.add(entry);
    });

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    if (!path.startsWith('/action/')) return writeResponse(res, errorPage(404, 'Not Found'));

    const { faults, sessions, tokens } = deps;
    const session = sessions.get(parseCookies(req.headers.cookie).get('JSESSIONID'));
    const xhr = req.headers['x-requested-with'] !== undefined;

    // A hung request is left open; the client's timeout or close() ends it.
    if (faults.fire('hang', path)) return;
    const slow = faults.fire('slow', path);
    if (slow) await delay(slow.delayMs);
    if (closed) return;
    if (faults.fire('sessionExpiredBody', path)) {
      if (session) sessions.drop(session.id);
      return writeResponse(res, htmlResponse(SESSION_EXPIRED_BODY));
    }
    if (faults.fire('sessionExpiredRedirect', path)) {
      if (session) sessions.drop(session.id);
      return writeResponse(res, redirectResponse(loginViewUrl(tokens)));
    }
    if (faults.fire('forbidden', path)) return writeResponse(res, errorPage(403, 'Forbidden'));
    if (faults.fire('serverError', path)) {
      const status = faults.rng.pick(SERVER_ERRORS);
      return writeResponse(res, errorPage(status, status === 500 ? 'Internal Server Error' : status === 502 ? 'Bad Gateway' : 'Service Unavailable'));
    }

    const method = req.method ?? 'GET';
    const route = ROUTES.find((r) => r.method === method && r.match(path));
    if (!route) {
      const known = ROUTES.some((r) => r.match(path));
      return writeResponse(res, known ? errorPage(405, 'Method Not Allowed') : errorPage(404, 'Not Found'));
    }
    const form = method === 'POST' ? parseForm(await readBody(req, MAX_BODY_BYTES)) : {};
    if (closed) return;
    const base: SimRequest = { method, path, query: url.searchParams, xhr, session, form };
    if (!route.signedIn) return writeResponse(res, route.handle(base, deps));

    const user = session?.userId ? deps.state.staffMember(session.userId) : undefined;
    if (!session || !user) return writeResponse(res, sessionGoneResponse(xhr, tokens));
    const answer = route.handle({ ...base, session, user }, deps);
    // Done, but the answer never arrives: the client cannot know whether the action happened.
    const lost = faults.fire('answerLost', path);
    if (lost) {
      if (lost.delayMs > 0) await delay(lost.delayMs);
      res.destroy();
      return;
    }
    await writeResponse(res, answer);
  };

  const server = createServer((req, res) => {
    serve(req, res).catch((e: unknown) => {
      void writeResponse(res, e instanceof BodyTooLargeError ? errorPage(413, 'Payload Too Large') : errorPage(500, 'Internal Server Error'));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: actualPort } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${actualPort}`,
    requestCount(prefix) {
      let n = 0;
      for (const [path, count] of counts) if (prefix === undefined || path.startsWith(prefix)) n += count;
      return n;
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const d of pendingDelays) {
        clearTimeout(d.timer);
        d.resolve();
      }
      pendingDelays.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await done;
    },
  };
}
