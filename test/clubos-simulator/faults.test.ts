import { parse } from 'node-html-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAULT_MODES, startSimulator } from '../../main/clubos-simulator';
import type { ClubOSSimulator } from '../../main/clubos-simulator';
import { manualClock } from '../../common/time/manual-clock';
import { createBrowser, formFields } from './sim-browser';
import type { SimBrowser } from './sim-browser';

let sim: ClubOSSimulator;
let b: SimBrowser;

beforeEach(async () => {
  sim = await startSimulator({ clock: manualClock(Date.parse('2026-06-10T15:00:00Z')), members: 30, seed: 7 });
  b = createBrowser(sim.baseUrl);
  expect((await b.login()).status).toBe(302);
  for (let i = 0; i < 5; i++) sim.addInbound({ memberId: sim.members[i]!.id, body: `message ${i}`, at: Date.parse('2026-06-10T14:00:00Z') + i * 60_000 });
});
afterEach(async () => {
  await sim.close();
});

const inbox = (tag = 1) => b.get(`/action/Dashboard/messages?_=${tag}`, { xhr: true });

/** What a strict client checks: the list, and every row whole. */
function rowProblems(html: string): string[] {
  const problems: string[] = [];
  const root = parse(html);
  const ul = root.querySelector('ul.message-list');
  if (!ul || !html.includes('</ul>')) return ['no complete ul.message-list'];
  ul.querySelectorAll('li').forEach((li, i) => {
    if (li.getAttribute('class') !== 'message-item') problems.push(`row ${i}: li class`);
    if (!li.querySelector('div.message > h3 > a.username-content')) problems.push(`row ${i}: name`);
    if (!li.querySelector('div.message > p')) problems.push(`row ${i}: body`);
    if (!li.querySelector('div.message-options > span')) problems.push(`row ${i}: label`);
  });
  return problems;
}

/** Resolves once the server has seen (and stalled) a request: no fixed sleeps. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !condition(); i++) await new Promise((r) => setImmediate(r));
  expect(condition()).toBe(true);
}

describe('simulator faults', () => {
  it('starts with every mode unfired and the inbox whole', async () => {
    expect(Object.keys(sim.faults.fired).sort()).toEqual([...FAULT_MODES].sort());
    expect(Object.values(sim.faults.fired).every((n) => n === 0)).toBe(true);
    expect(rowProblems((await inbox()).text)).toEqual([]);
  });

  it('sessionExpiredBody: "Session Expired" and the session is gone', async () => {
    sim.faults.set('sessionExpiredBody', { times: 1 });
    expect((await inbox()).text).toBe('Session Expired');
    expect((await inbox(2)).text).toBe('Session Expired'); // no longer the fault: the session was dropped
    expect(sim.faults.fired.sessionExpiredBody).toBe(1);
    expect((await b.login()).status).toBe(302);
    expect(rowProblems((await inbox(3)).text)).toEqual([]);
  });

  it('sessionExpiredRedirect: 302 to the login view and the session is gone', async () => {
    sim.faults.set('sessionExpiredRedirect', { times: 1 });
    const res = await inbox();
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/action\/Login\/view\?__fsk=-?\d+$/);
    expect((await inbox(2)).text).toBe('Session Expired');
  });

  it('forbidden and serverError strike everything but the login pages', async () => {
    sim.faults.set('forbidden');
    expect((await b.get('/action/Dashboard/view')).status).toBe(403);
    expect((await b.login()).status).toBe(302);
    sim.faults.clear('forbidden');
    sim.faults.set('serverError', { times: 6 });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await inbox(i)).status);
    for (const s of statuses) expect([500, 502, 503]).toContain(s);
    expect((await inbox(7)).status).toBe(200);
    expect(sim.faults.fired.serverError).toBe(6);
    expect(sim.faults.fired.forbidden).toBe(1);
  });

  it('restricts a fault to its paths', async () => {
    sim.faults.set('serverError', { paths: ['/action/FollowUp'] });
    expect((await inbox()).status).toBe(200);
    expect((await b.post('/action/FollowUp', { followUpUserId: sim.members[0]!.id, followUpType: '3' }, { xhr: true })).status).toBeGreaterThanOrEqual(500);
    sim.faults.clear();
    expect((await b.post('/action/FollowUp', { followUpUserId: sim.members[0]!.id, followUpType: '3' }, { xhr: true })).status).toBe(200);
  });

  it('hang: never answers until the client gives up or the simulator closes', async () => {
    sim.faults.set('hang', { times: 2 });
    const aborter = new AbortController();
    const abandoned = b.get('/action/Dashboard/view', { signal: aborter.signal });
    await until(() => sim.faults.fired.hang === 1);
    aborter.abort();
    await expect(abandoned).rejects.toThrow();

    const hung = b.get('/action/Dashboard/view');
    let settled = false;
    hung.then(
      () => (settled = true),
      () => (settled = true),
    );
    await until(() => sim.faults.fired.hang === 2);
    expect(settled).toBe(false);
    await sim.close();
    await expect(hung).rejects.toThrow();
  });

  it('slow: answers normally, after the delay', async () => {
    sim.faults.set('slow', { delayMs: 60, times: 1 });
    const started = performance.now();
    const res = await inbox();
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(rowProblems(res.text)).toEqual([]);
    expect(sim.faults.fired.slow).toBe(1);
  });

  it('truncatedHtml: the fragment cut before its end', async () => {
    const whole = (await inbox()).text;
    sim.faults.set('truncatedHtml', { times: 1 });
    const cut = (await inbox(2)).text;
    expect(cut.length).toBeLessThan(whole.length);
    expect(whole.startsWith(cut)).toBe(true);
    expect(cut).not.toContain('</ul>');
    expect(rowProblems(cut)).not.toEqual([]);
  });

  it('garbledHtml: every variant breaks the structure', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      sim.faults.set('garbledHtml', { times: 1 });
      const html = (await inbox(i)).text;
      expect(rowProblems(html)).not.toEqual([]);
      seen.add(html.slice(0, 20));
    }
    expect(seen.size).toBeGreaterThan(1);
    expect(sim.faults.fired.garbledHtml).toBe(12);
  });

  it('missingLabel and missingName: exactly one broken row', async () => {
    sim.faults.set('missingLabel', { times: 1 });
    const labels = rowProblems((await inbox()).text);
    expect(labels).toHaveLength(1);
    expect(labels[0]).toMatch(/label$/);
    sim.faults.set('missingName', { times: 1 });
    const names = rowProblems((await inbox(2)).text);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/name$/);
    expect(rowProblems((await inbox(3)).text)).toEqual([]);
  });

  it('somethingNotRight: sends and the login post are refused, the inbox is not', async () => {
    sim.faults.set('somethingNotRight');
    const member = sim.members[0]!;
    await b.get(`/action/Delegate/${member.id}/url=false`, { xhr: true });
    const popup = await b.post('/action/FollowUp', { followUpUserId: member.id, followUpType: '3' }, { xhr: true });
    const form = { ...formFields(popup.text, 'form#followup-form'), 'followUpLog.followUpAction': '3', textMessage: 'hi' };
    expect((await b.post('/action/FollowUp/save', form, { xhr: true })).text).toBe("Something isn't right. Please refresh the page and try again.");
    expect(rowProblems((await inbox()).text)).toEqual([]);
    const login = await createBrowser(sim.baseUrl).login();
    expect(login.status).toBe(200);
    expect(parse(login.text).querySelector('.login-error')?.text).toContain("Something isn't right");
    expect(sim.followUpLog(member.id).filter((e) => e.direction === 'outbound')).toEqual([]);
    expect(sim.faults.fired.somethingNotRight).toBe(2);
  });

  it('duplicateMessages: the next text arrives twice, same minute, same body', () => {
    sim.faults.set('duplicateMessages', { times: 1 });
    const member = sim.members[9]!;
    const first = sim.addInbound({ memberId: member.id, body: 'Ok' });
    sim.addInbound({ memberId: member.id, body: 'Ok later' });
    const mine = sim.messages().filter((m) => m.memberId === member.id);
    expect(mine.map((m) => m.body)).toEqual(['Ok later', 'Ok', 'Ok']);
    expect(mine[1]!.at).toBe(first.at);
    expect(mine[2]!.at).toBe(first.at);
    expect(mine[1]!.id).not.toBe(mine[2]!.id);
    expect(sim.faults.fired.duplicateMessages).toBe(1);
  });

  it('draws probabilities from the seeded fault RNG', async () => {
    const pattern = async (): Promise<number[]> => {
      sim.faults.seed(42);
      sim.faults.set('serverError', { probability: 0.5 });
      const out = [];
      for (let i = 0; i < 16; i++) out.push((await inbox(i)).status === 200 ? 0 : 1);
      sim.faults.clear('serverError');
      return out;
    };
    const first = await pattern();
    expect(first).toContain(0);
    expect(first).toContain(1);
    expect(await pattern()).toEqual(first);
  });

  it('refuses malformed rules', () => {
    expect(() => sim.faults.set('serverError', { probability: 2 })).toThrow();
    expect(() => sim.faults.set('serverError', { times: 0 })).toThrow();
    expect(() => sim.faults.set('nope' as never)).toThrow();
  });
});
