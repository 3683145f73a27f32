import { parse } from 'node-html-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../main/clubos-simulator';
import type { ClubOSSimulator, SimulatorOptions } from '../../main/clubos-simulator';
import { localParts, zonedToEpoch } from '../../common/time/club-time';
import { manualClock } from '../../common/time/manual-clock';
import type { ManualClock } from '../../common/time/manual-clock';
import { createBrowser } from './sim-browser';
import { renderInbox, renderInboxPieces, ROWS_PER_PIECE } from '../../main/clubos-simulator/render-inbox';
import type { SimMessage } from '../../main/clubos-simulator/types';
import type { SimBrowser } from './sim-browser';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The label a message at `at` should carry at `now`, worked out independently of the simulator. */
function expectedLabel(at: number, now: number, tz: string): string {
  const a = localParts(at, tz);
  const n = localParts(now, tz);
  if (a.year === n.year && a.month === n.month && a.day === n.day) {
    const h = a.hour % 12 === 0 ? 12 : a.hour % 12;
    return `${h}:${String(a.minute).padStart(2, '0')} ${a.hour < 12 ? 'AM' : 'PM'}`;
  }
  return `${MONTHS[a.month - 1]} ${a.day}`;
}

interface Row {
  name: string | null;
  href: string | null;
  bodyHtml: string;
  body: string;
  label: string | null;
}

function rows(html: string): Row[] {
  const root = parse(html);
  expect(root.querySelector('ul.message-list')).not.toBeNull();
  return root.querySelectorAll('ul.message-list > li.message-item').map((li) => {
    const link = li.querySelector('div.message h3 a.username-content');
    const p = li.querySelector('div.message p')!;
    return {
      name: link?.text ?? null,
      href: link?.getAttribute('href') ?? null,
      bodyHtml: p.innerHTML,
      body: p.innerHTML.split('<br>').map((part) => parse(part).text).join('\n'),
      label: li.querySelector('div.message-options > span')?.text ?? null,
    };
  });
}

let sim: ClubOSSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function signedIn(clock: ManualClock, options: SimulatorOptions = {}): Promise<{ s: ClubOSSimulator; b: SimBrowser }> {
  sim = await startSimulator({ clock, members: 30, ...options });
  const b = createBrowser(sim.baseUrl);
  expect((await b.login()).status).toBe(302);
  return { s: sim, b };
}

describe('simulator inbox', () => {
  it('remembers the owner posted as userId and lists it again on GET ?_=', async () => {
    const clock = manualClock(Date.parse('2026-06-10T15:00:00Z'));
    const { s, b } = await signedIn(clock);
    const [m1, m2] = s.members;
    const other = s.staff[1]!.id;
    s.addInbound({ memberId: m1!.id, body: 'for me' });
    s.addInbound({ memberId: m2!.id, body: 'for the trainer', ownerId: other });

    const own = await b.get('/action/Dashboard/messages?_=1', { xhr: true });
    expect(rows(own.text).map((r) => r.body)).toEqual(['for me']);
    const posted = await b.post('/action/Dashboard/messages', { userId: other }, { xhr: true });
    expect(rows(posted.text).map((r) => r.body)).toEqual(['for the trainer']);
    const refreshed = await b.get(`/action/Dashboard/messages?_=${clock.now()}`, { xhr: true });
    expect(rows(refreshed.text).map((r) => r.body)).toEqual(['for the trainer']);
    await b.post('/action/Dashboard/messages', { userId: s.loggedInUserId }, { xhr: true });
    expect(rows((await b.get('/action/Dashboard/messages?_=2', { xhr: true })).text).map((r) => r.body)).toEqual(['for me']);
  });

  it('lists one li per message, newest first, later arrival first for equal times, duplicates kept', async () => {
    const clock = manualClock(Date.parse('2026-06-10T15:00:00Z'));
    const { s, b } = await signedIn(clock);
    const [a, c] = s.members;
    const t = clock.now() - 3_600_000;
    s.addInbound({ memberId: a!.id, body: 'second', at: t + 60_000 });
    s.addInbound({ memberId: a!.id, body: 'first', at: t });
    s.addInbound({ memberId: c!.id, body: 'Ok', at: t + 120_000 });
    s.addInbound({ memberId: c!.id, body: 'Ok', at: t + 120_000 });
    s.addInbound({ memberId: a!.id, body: 'same minute, later', at: t + 120_000 });
    const list = rows((await b.post('/action/Dashboard/messages', { userId: s.loggedInUserId }, { xhr: true })).text);
    expect(list.map((r) => r.body)).toEqual(['same minute, later', 'Ok', 'Ok', 'second', 'first']);
    expect(s.messages().map((m) => m.body)).toEqual(list.map((r) => r.body));
    expect(list[1]!.name).toBe(`${c!.firstName} ${c!.lastName}`);
    expect(list[1]!.href).toBe(`/action/Delegate/${c!.id}/url=/action/LeadProfile`);
    for (const m of s.members) expect(m.id).toMatch(/^\d{9}$/);
  });

  it('writes labels on the club clock whatever the host zone is', async () => {
    const savedTz = process.env.TZ;
    process.env.TZ = 'Pacific/Honolulu';
    try {
      const tz = 'Asia/Kolkata';
      const now = zonedToEpoch({ year: 2026, month: 3, day: 14, hour: 3, minute: 40 }, tz); // still Mar 13 in UTC and in the host zone
      const clock = manualClock(now);
      const { s, b } = await signedIn(clock, { timeZone: tz });
      expect(s.timeZone).toBe(tz);
      const times = [
        zonedToEpoch({ year: 2026, month: 3, day: 14, hour: 0, minute: 5 }, tz),
        zonedToEpoch({ year: 2026, month: 3, day: 14, hour: 2, minute: 7 }, tz),
        zonedToEpoch({ year: 2026, month: 3, day: 14, hour: 3, minute: 30 }, tz),
        zonedToEpoch({ year: 2026, month: 3, day: 13, hour: 23, minute: 59 }, tz),
        zonedToEpoch({ year: 2025, month: 12, day: 1, hour: 8, minute: 0 }, tz),
      ];
      for (const at of times) s.addInbound({ memberId: s.members[0]!.id, body: `at ${at}`, at });
      const list = rows((await b.get('/action/Dashboard/messages?_=1', { xhr: true })).text);
      const byBody = new Map(list.map((r) => [r.body, r.label]));
      for (const at of times) expect(byBody.get(`at ${at}`)).toBe(expectedLabel(at, now, tz));
      expect(list.map((r) => r.label)).toEqual(['3:30 AM', '2:07 AM', '12:05 AM', 'Mar 13', 'Dec 1']);
    } finally {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    }
  });

  it("flips a late-evening label to the date at the club's midnight", async () => {
    const tz = 'America/Chicago';
    const clock = manualClock(zonedToEpoch({ year: 2026, month: 12, day: 8, hour: 23, minute: 50 }, tz));
    const { s, b } = await signedIn(clock);
    s.addInbound({ memberId: s.members[0]!.id, body: 'late', at: zonedToEpoch({ year: 2026, month: 12, day: 8, hour: 23, minute: 58 }, tz) });
    const label = async (): Promise<string | null> => rows((await b.get('/action/Dashboard/messages?_=1', { xhr: true })).text)[0]!.label;
    clock.set(zonedToEpoch({ year: 2026, month: 12, day: 8, hour: 23, minute: 59, second: 59 }, tz));
    expect(await label()).toBe('11:58 PM');
    clock.set(zonedToEpoch({ year: 2026, month: 12, day: 9, hour: 0, minute: 0 }, tz));
    expect(await label()).toBe('Dec 8');
  });

  it('escapes every body and name, and renders line breaks as <br>', async () => {
    const clock = manualClock(Date.parse('2026-06-10T15:00:00Z'));
    const { s, b } = await signedIn(clock);
    const hostile = `<script>alert("x")</script> & <img src=x onerror=alert(1)> it's <3`;
    s.addInbound({ memberId: s.members[0]!.id, body: hostile });
    s.addInbound({ memberId: s.members[1]!.id, body: 'line one\nline two\r\nline 3 😀' });
    const html = (await b.get('/action/Dashboard/messages?_=1', { xhr: true })).text;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    const [multi, esc] = rows(html);
    expect(esc!.bodyHtml).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; it&#39;s &lt;3');
    expect(esc!.body).toBe(hostile);
    expect(multi!.bodyHtml).toBe('line one<br>line two<br>line 3 😀');
    expect(multi!.body).toBe('line one\nline two\nline 3 😀');
  });

  it('renders name links without ids when memberIdsInLinks is off', async () => {
    const clock = manualClock(Date.parse('2026-06-10T15:00:00Z'));
    const { s, b } = await signedIn(clock, { memberIdsInLinks: false });
    s.addInbound({ memberId: s.members[0]!.id, body: 'hi' });
    const [row] = rows((await b.get('/action/Dashboard/messages?_=1', { xhr: true })).text);
    expect(row!.href).toBe('#');
    expect(row!.name).toBe(`${s.members[0]!.firstName} ${s.members[0]!.lastName}`);
  });

  it('shows an empty inbox as an empty list plus "No messages"', async () => {
    const clock = manualClock(Date.parse('2026-06-10T15:00:00Z'));
    const { b } = await signedIn(clock);
    const html = (await b.get('/action/Dashboard/messages?_=1', { xhr: true })).text;
    expect(html).toContain('<ul class="message-list"></ul>');
    expect(parse(html).querySelector('p.no-messages')?.text).toBe('No messages');
  });

  it('"Clear all" empties the list but keeps history; later texts show again', async () => {
    const clock = manualClock(Date.parse('2026-06-10T15:00:00Z'));
    const { s, b } = await signedIn(clock);
    const member = s.members[0]!;
    s.addInbound({ memberId: member.id, body: 'Ok' });
    s.clearInbox();
    expect(rows((await b.get('/action/Dashboard/messages?_=1', { xhr: true })).text)).toEqual([]);
    clock.advance(60_000);
    s.addInbound({ memberId: member.id, body: 'Ok' });
    expect(rows((await b.get('/action/Dashboard/messages?_=2', { xhr: true })).text).map((r) => r.body)).toEqual(['Ok']);
    expect(s.messages()).toHaveLength(2);
    expect(s.followUpLog(member.id)).toHaveLength(2);
  });

  it('keeps inboxes for club locations and refuses unknown owners and members', async () => {
    const clock = manualClock(Date.parse('2026-06-10T15:00:00Z'));
    const { s, b } = await signedIn(clock);
    const dash = await b.get('/action/Dashboard/view');
    const locationId = parse(dash.text).querySelector('optgroup[label="Club Messages"] option')!.getAttribute('value')!;
    s.addInbound({ memberId: s.members[0]!.id, body: 'to the club', ownerId: locationId });
    const list = rows((await b.post('/action/Dashboard/messages', { userId: locationId }, { xhr: true })).text);
    expect(list.map((r) => r.body)).toEqual(['to the club']);
    expect(s.messages(locationId)).toHaveLength(1);
    expect(s.messages()).toHaveLength(0);
    expect(() => s.addInbound({ memberId: s.members[0]!.id, body: 'x', ownerId: '123' })).toThrow(/owner/);
    expect(() => s.addInbound({ memberId: '999999999', body: 'x' })).toThrow(/member/);
  });

  it('sends a long inbox in chunks as it renders it, the same page as rendered whole', async () => {
    const clock = manualClock(Date.parse('2026-06-10T15:00:00Z'));
    const { s, b } = await signedIn(clock);
    for (let i = 0; i < ROWS_PER_PIECE * 2 + 7; i++) s.addInbound({ memberId: s.members[i % 30]!.id, body: `text ${i} <&>`, at: clock.now() - i * 3_600_000 });
    const page = await b.post('/action/Dashboard/messages', { userId: s.loggedInUserId }, { xhr: true });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-length')).toBeNull();
    expect(page.headers.get('transfer-encoding')).toBe('chunked');
    expect(page.text).toBe(renderInbox(s.messages(), { now: clock.now(), timeZone: s.timeZone, memberIdsInLinks: true }));
    expect(rows(page.text)).toHaveLength(ROWS_PER_PIECE * 2 + 7);
  });
});

describe('inbox pieces', () => {
  const NOW = Date.parse('2026-06-10T15:00:00Z');
  const message = (i: number): SimMessage => ({ id: i + 1, ownerId: '100', memberId: String(200_000_000 + (i % 9)), senderName: `Member ${i % 9}`, body: `line ${i}\nsecond & <b>`, at: NOW - i * 5_400_000 });

  it.each([0, 1, 2, 3, 4, 5, 9, 10, 11])('join into the whole page for %i rows, a few rows a piece, faults included', (count) => {
    const messages = Array.from({ length: count }, (_, i) => message(i));
    for (const omit of [{}, { omitLabelAt: count - 1, omitNameAt: 0 }]) {
      const options = { now: NOW, timeZone: 'America/Chicago', memberIdsInLinks: true, ...omit };
      const whole = [...renderInboxPieces(messages, options, 1_000)];
      expect(whole).toHaveLength(count === 0 ? 1 : 2);
      for (const rowsPerPiece of [1, 2, 3, 5]) {
        const pieces = [...renderInboxPieces(messages, options, rowsPerPiece)];
        expect(pieces.join('')).toBe(whole.join(''));
        if (count > 0) expect(pieces).toHaveLength(Math.ceil(count / rowsPerPiece) + 1);
      }
    }
    expect(renderInbox(messages, { now: NOW, timeZone: 'America/Chicago', memberIdsInLinks: false })).toBe(
      [...renderInboxPieces(messages, { now: NOW, timeZone: 'America/Chicago', memberIdsInLinks: false }, 4)].join(''),
    );
  });

  it('renders each piece only when it is asked for', () => {
    let rowsRead = 0;
    const counting = new Proxy(Array.from({ length: 10 }, (_, i) => message(i)), {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) rowsRead++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const pieces = renderInboxPieces(counting, { now: NOW, timeZone: 'UTC', memberIdsInLinks: true }, 4);
    expect(rowsRead).toBe(0);
    pieces.next();
    expect(rowsRead).toBe(4);
    pieces.next();
    expect(rowsRead).toBe(8);
  });
});
