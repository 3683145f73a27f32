// A small ClubOS stand-in for the client tests (node:http on 127.0.0.1, port 0). It follows
// MARKUP.md closely enough to exercise every flow, records every request, and lets a test replace
// the next answers of any route to inject faults.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route =
  | 'GET /action/Login/view'
  | 'POST /action/Login'
  | 'GET /action/Dashboard/view'
  | 'POST /action/Dashboard/messages'
  | 'GET /action/Delegate'
  | 'POST /action/FollowUp'
  | 'POST /action/FollowUp/save'
  | 'GET /action/Dashboard/search'
  | 'POST /action/UserSearch/'
  | 'GET /action/Logout';

export interface StubRequest {
  route: Route | 'unknown';
  method: string;
  path: string;
  form: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The delegated member at the time of the request. */
  delegated: string | null;
}

export interface StubMember {
  id: string;
  first: string;
  last: string;
  canText: boolean;
  /** Follow-up log, newest first: `[header, note]`, e.g. `['12/8/26 @ 09:30 AM by Jane D.', 'Text - hi']`. */
  log: Array<[string, string]>;
}

export interface InboxRowSpec {
  name: string;
  memberId?: string;
  body: string;
  label: string;
}

export type Responder = (req: StubRequest, res: ServerResponse) => void;

export interface StubOptions {
  username?: string;
  password?: string;
  staffId?: string;
  staffName?: string;
  timeZone?: string;
  members?: StubMember[];
}

export interface StubClubOS {
  readonly baseUrl: string;
  readonly requests: StubRequest[];
  readonly members: Map<string, StubMember>;
  /** Values a log line must never show: session ids, tokens, the password. */
  readonly secrets: Set<string>;
  setInbox(ownerId: string, rows: InboxRowSpec[]): void;
  setInboxHtml(ownerId: string, html: string): void;
  count(route: Route): number;
  expireSessions(): void;
  /** The next `times` requests to `route` get `respond` instead of the normal answer. */
  override(route: Route, respond: Responder, times?: number): void;
  close(): Promise<void>;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function inboxFragment(rows: InboxRowSpec[]): string {
  if (rows.length === 0) return '<ul class="message-list"></ul><p class="no-messages">No messages</p>';
  const items = rows.map(
    (r) =>
      `<li class="message-item"><div class="message"><h3><a class="username-content" href="${r.memberId ? `/action/Delegate/${r.memberId}/url=/action/LeadProfile` : '#'}">${escapeHtml(r.name)}</a></h3>` +
      `<p>${escapeHtml(r.body).replace(/\n/g, '<br>')}</p></div><div class="message-options"><span>${r.label}</span><a class="reply-link" href="#">Reply</a></div></li>`,
  );
  return `<ul class="message-list">\n${items.join('\n')}\n</ul>`;
}

const token = (bytes: number): string => randomBytes(bytes).toString('base64url');

interface Session {
  userId: string | null;
  delegated: string | null;
  loginTokens: string | null;
  formTokens: string | null;
}

export async function startStubClubOS(options: StubOptions = {}): Promise<StubClubOS> {
  const username = options.username ?? 'alex';
  const password = options.password ?? 'correct horse';
  const staffId = options.staffId ?? '187032782';
  const staffName = options.staffName ?? 'Alex Morgan';
  const timeZone = options.timeZone ?? 'America/Chicago';
  const members = new Map((options.members ?? []).map((m) => [m.id, m]));
  const sessions = new Map<string, Session>();
  const inboxes = new Map<string, string>();
  const overrides = new Map<Route, Array<{ respond: Responder; left: number }>>();
  const requests: StubRequest[] = [];
  const secrets = new Set<string>([password]);

  const newSession = (res: ServerResponse, userId: string | null): [string, Session] => {
    const id = token(16);
    secrets.add(id);
    const session: Session = { userId, delegated: userId, loginTokens: null, formTokens: null };
    sessions.set(id, session);
    res.appendHeader('Set-Cookie', `JSESSIONID=${id}; Path=/; HttpOnly`);
    return [id, session];
  };
  const freshTokens = (): { sourcePage: string; fp: string; both: string } => {
    const sourcePage = `${token(32)}=`;
    const fp = token(9);
    secrets.add(sourcePage);
    secrets.add(fp);
    return { sourcePage, fp, both: `${sourcePage}|${fp}` };
  };
  const tokenInputs = (t: { sourcePage: string; fp: string }): string =>
    `<input type="hidden" name="_sourcePage" value="${t.sourcePage}"><input type="hidden" name="__fp" value="${t.fp}">`;
  const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };
  const loginPage = (t: { sourcePage: string; fp: string }, error?: string): string =>
    `<!DOCTYPE html><html><body>${error ? `<div class="alert alert-danger login-error">${escapeHtml(error)}</div>` : ''}` +
    `<form id="loginForm" method="post" action="/action/Login">${tokenInputs(t)}<input type="text" name="username"><input type="password" name="password"><input type="submit" name="login" value="Submit"></form></body></html>`;

  function routeOf(method: string, path: string): Route | 'unknown' {
    if (method === 'GET' && path.startsWith('/action/Delegate/')) return 'GET /action/Delegate';
    const key = `${method} ${path}`;
    const known: Route[] = [
      'GET /action/Login/view',
      'POST /action/Login',
      'GET /action/Dashboard/view',
      'POST /action/Dashboard/messages',
      'POST /action/FollowUp',
      'POST /action/FollowUp/save',
      'GET /action/Dashboard/search',
      'POST /action/UserSearch/',
      'GET /action/Logout',
    ];
    return known.find((r) => r === key) ?? 'unknown';
  }

  function handle(req: IncomingMessage, raw: string, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://stub');
    const method = req.method ?? 'GET';
    const route = routeOf(method, url.pathname);
    const cookies = new Map(
      (req.headers.cookie ?? '')
        .split(';')
        .map((c) => c.trim().split('='))
        .filter((p): p is [string, string] => p.length === 2),
    );
    const sessionId = cookies.get('JSESSIONID') ?? '';
    const session = sessions.get(sessionId);
    const form = new URLSearchParams(raw);
    const record: StubRequest = { route, method, path: url.pathname, form, headers: req.headers, delegated: session?.delegated ?? null };
    requests.push(record);

    const queue = route === 'unknown' ? undefined : overrides.get(route);
    const next = queue?.[0];
    if (next) {
      if (--next.left <= 0) queue?.shift();
      next.respond(record, res);
      return;
    }
    const xhr = req.headers['x-requested-with'] === 'XMLHttpRequest';

    if (route === 'GET /action/Login/view') {
      const t = freshTokens();
      const [, s] = newSession(res, null);
      s.loginTokens = t.both;
      return send(res, 200, loginPage(t));
    }
    if (route === 'POST /action/Login') {
      if (xhr) return send(res, 403, 'Forbidden');
      const expected = session?.loginTokens ?? null;
      if (session) session.loginTokens = null;
      if (expected === null || expected !== `${form.get('_sourcePage')}|${form.get('__fp')}` || form.get('login') !== 'Submit') {
        return send(res, 200, loginPage(freshTokens(), "Something isn't right. Please refresh the page and try again."));
      }
      if (form.get('username') !== username || form.get('password') !== password) {
        return send(res, 200, loginPage(freshTokens(), 'Invalid username or password'));
      }
      const apiToken = token(24);
      secrets.add(apiToken);
      newSession(res, staffId);
      res.appendHeader('Set-Cookie', `loggedInUserId=${staffId}; Path=/; HttpOnly`);
      res.appendHeader('Set-Cookie', `delegatedUserId=${staffId}; Path=/; HttpOnly`);
      res.appendHeader('Set-Cookie', `apiV3AccessToken=${apiToken}; Path=/; HttpOnly`);
      return send(res, 302, '', { Location: '/action/Dashboard/view' });
    }
    if (route === 'unknown') return send(res, 404, 'Not found');

    if (!session || session.userId === null) {
      if (xhr) return send(res, 200, 'Session Expired');
      return send(res, 302, '', { Location: '/action/Login/view?__fsk=-1234567' });
    }

    switch (route) {
      case 'GET /action/Dashboard/view': {
        const data = {
          loggedInUserId: staffId,
          actingUser: { id: staffId, name: staffName, clubId: '512', role: 'Location Manager' },
          clubLocationId: '3586',
          timeZoneId: timeZone,
          clubLocationList: [{ id: '3586', name: 'Riverside', defaultSalesPersonId: staffId }],
          clubEmployeesList: [
            { id: staffId, name: staffName },
            { id: '187032790', name: 'Jordan Reyes' },
          ],
        };
        return send(
          res,
          200,
          `<!DOCTYPE html><html><head><script>window.recentLeadsListViewData = ${JSON.stringify(data)};</script></head><body>` +
            `<select id="messages-owner-select"><optgroup label="Club Messages"><option value="3586">Riverside</option></optgroup>` +
            `<optgroup label="Employee Messages"><option value="${staffId}">My Messages</option><option value="187032790">Jordan Reyes</option></optgroup></select>` +
            `<div id="message-list"></div></body></html>`,
        );
      }
      case 'POST /action/Dashboard/messages':
        return send(res, 200, inboxes.get(form.get('userId') ?? '') ?? inboxFragment([]));
      case 'GET /action/Delegate': {
        const id = url.pathname.split('/')[3] ?? '';
        session.delegated = id === '0' ? session.userId : id;
        res.appendHeader('Set-Cookie', `delegatedUserId=${session.delegated}; Path=/; HttpOnly`);
        return send(res, 200, '');
      }
      case 'POST /action/FollowUp': {
        // Like ClubOS: the popup is the delegated member's, whatever followUpUserId says.
        const member = members.get(session.delegated ?? '');
        if (!member) return send(res, 500, 'No such member');
        const t = freshTokens();
        session.formTokens = t.both;
        const entries = member.log
          .map(([header, note]) => `<div class="followup-entry"><div class="followup-entry-date">${escapeHtml(header)}</div><div class="followup-entry-note">${escapeHtml(note).replace(/\n/g, '<br>')}</div></div>`)
          .join('');
        return send(
          res,
          200,
          `<div id="followup-popup-content"><div>Membership: Anytime</div><form id="followup-form" action="/action/FollowUp/save" method="post">${tokenInputs(t)}` +
            `<input type="hidden" name="followUpUser.tfoUserId" value="${member.id}"><input name="followUpUser.firstName" value="${escapeHtml(member.first)}">` +
            `<input name="followUpUser.lastName" value="${escapeHtml(member.last)}"><select name="followUpLog.followUpAction"><option value="2">Email</option><option value="3">Text</option></select>` +
            `${member.canText ? '<textarea name="textMessage"></textarea>' : ''}<input name="emailSubject" value=""><textarea name="emailMessage"></textarea>` +
            `<input type="hidden" name="followUpType" value="3"></form><div id="follow-up-log">${entries}</div></div>`,
        );
      }
      case 'POST /action/FollowUp/save': {
        const expected = session.formTokens;
        session.formTokens = null;
        const member = members.get(session.delegated ?? '');
        if (!member || expected !== `${form.get('_sourcePage')}|${form.get('__fp')}` || form.get('followUpUser.tfoUserId') !== member.id) {
          return send(res, 200, "Something isn't right. Please refresh the page and try again.");
        }
        const sms = form.get('followUpLog.followUpAction') === '3';
        if (sms && !member.canText) return send(res, 200, "Something isn't right. This member has opted out of text messages.");
        member.log.unshift(['12/8/26 @ 10:00 AM by Alex M.', sms ? `Text - ${form.get('textMessage') ?? ''}` : `Email - ${form.get('emailMessage') ?? ''}`]);
        const name = `${member.first} ${member.last}`;
        return send(res, 200, `<a href="/action/Delegate/${member.id}/url=/action/LeadProfile">${escapeHtml(name)}</a> has been ${sms ? 'texted' : 'emailed'}.`);
      }
      case 'GET /action/Dashboard/search': {
        const t = freshTokens();
        session.formTokens = t.both;
        return send(res, 200, `<!DOCTYPE html><html><body><form action="/action/UserSearch/" method="post">${tokenInputs(t)}<input name="filter.keyword"></form></body></html>`);
      }
      case 'POST /action/UserSearch/': {
        const expected = session.formTokens;
        session.formTokens = null;
        if (expected !== `${form.get('_sourcePage')}|${form.get('__fp')}` || form.get('actAs') !== 'loggedIn') {
          return send(res, 200, "Something isn't right. Please refresh the page and try again.");
        }
        const words = (form.get('filter.keyword') ?? '').toLowerCase().split(/\s+/);
        const hits = [...members.values()].filter((m) => words.some((w) => `${m.first} ${m.last}`.toLowerCase().includes(w)));
        return send(res, 200, `<div class="search-results">${hits.map((m) => `<div class="search-result" data-id="${m.id}" data-full-name="${escapeHtml(`${m.first} ${m.last}`)}"></div>`).join('')}</div>`);
      }
      case 'GET /action/Logout':
        sessions.delete(sessionId);
        return send(res, 302, '', { Location: '/action/Login/view?__fsk=-1' });
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, Buffer.concat(chunks).toString('utf8'), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    members,
    secrets,
    setInbox: (ownerId, rows) => inboxes.set(ownerId, inboxFragment(rows)),
    setInboxHtml: (ownerId, html) => inboxes.set(ownerId, html),
    count: (route) => requests.filter((r) => r.route === route).length,
    expireSessions: () => sessions.clear(),
    override(route, respond, times = 1) {
      const queue = overrides.get(route) ?? [];
      queue.push({ respond, left: times });
      overrides.set(route, queue);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A responder that never answers (the request hangs until the client's deadline). */
export const hang: Responder = () => {};

export const reply =
  (status: number, body = '', headers: Record<string, string> = {}): Responder =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };
