import { parse } from 'node-html-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../main/clubos-simulator';
import type { ClubOSSimulator, SimMember } from '../../main/clubos-simulator';
import { localParts, zonedToEpoch } from '../../common/time/club-time';
import { manualClock } from '../../common/time/manual-clock';
import type { ManualClock } from '../../common/time/manual-clock';
import { createBrowser, formFields, hiddenTokens } from './sim-browser';
import type { SimBrowser } from './sim-browser';

const TZ = 'America/Chicago';
let sim: ClubOSSimulator;
let b: SimBrowser;
let clock: ManualClock;

beforeEach(async () => {
  clock = manualClock(zonedToEpoch({ year: 2026, month: 12, day: 8, hour: 14, minute: 5 }, TZ));
  sim = await startSimulator({ clock, members: 30, timeZone: TZ });
  b = createBrowser(sim.baseUrl);
  expect((await b.login()).status).toBe(302);
});
afterEach(async () => {
  await sim.close();
});

const fullName = (m: SimMember): string => `${m.firstName} ${m.lastName}`;
const shortName = (p: { firstName: string; lastName: string }): string => `${p.firstName} ${p.lastName[0]}.`;

async function delegate(memberId: string): Promise<void> {
  const res = await b.get(`/action/Delegate/${memberId}/url=false?_=${clock.now()}`, { xhr: true });
  expect(res.status).toBe(200);
}

async function popup(followUpUserId: string): Promise<string> {
  const res = await b.post('/action/FollowUp', { followUpUserId, followUpType: '3' }, { xhr: true });
  expect(res.status).toBe(200);
  return res.text;
}

function smsForm(popupHtml: string, body: string): Record<string, string> {
  return { ...formFields(popupHtml, 'form#followup-form'), 'followUpLog.followUpAction': '3', textMessage: body, emailMessage: '<p></p>' };
}

function emailForm(popupHtml: string, body: string): Record<string, string> {
  return {
    ...formFields(popupHtml, 'form#followup-form'),
    'followUpLog.followUpAction': '2',
    textMessage: '',
    emailSubject: ' has sent you a message',
    emailMessage: `<p>${body}</p>`,
  };
}

describe('simulator delegation and FollowUp', () => {
  it('delegates in both forms and sets the delegation cookies', async () => {
    const [m] = sim.members;
    const xhr = await b.get(`/action/Delegate/${m!.id}/url=false?_=1`, { xhr: true });
    expect(xhr.status).toBe(200);
    expect(xhr.setCookies.get('delegatedUserId')).toBe(m!.id);
    const token1 = xhr.setCookies.get('apiV3AccessToken');
    expect(token1).toBeTruthy();
    const profile = parse((await b.get('/action/LeadProfile/view')).text);
    expect(profile.querySelector('#lead-profile')?.getAttribute('data-id')).toBe(m!.id);
    expect(profile.querySelector('.profile-name')?.text).toBe(fullName(m!));

    const page = await b.get(`/action/Delegate/${sim.members[1]!.id}/url=/action/Dashboard`);
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/action/Dashboard');
    expect(page.setCookies.get('delegatedUserId')).toBe(sim.members[1]!.id);
    expect(page.setCookies.get('apiV3AccessToken')).not.toBe(token1);
    expect((await b.get('/action/Dashboard')).status).toBe(200);

    const cleared = await b.get('/action/Delegate/0/url=false?_=2', { xhr: true });
    expect(cleared.setCookies.get('delegatedUserId')).toBe(sim.loggedInUserId);
    expect((await b.get('/action/Delegate/999999999/url=false', { xhr: true })).text).toContain("Something isn't right");
  });

  it('answers the popup for the delegated member, with the form and the log newest first', async () => {
    const [a, other] = sim.members;
    const t1 = zonedToEpoch({ year: 2026, month: 12, day: 7, hour: 8, minute: 15 }, TZ);
    const t2 = zonedToEpoch({ year: 2026, month: 12, day: 8, hour: 13, minute: 2 }, TZ);
    sim.addInbound({ memberId: a!.id, body: 'Running late\nbe there at 6', at: t1 });
    sim.addInbound({ memberId: a!.id, body: 'Thanks <3', at: t2 });
    await delegate(a!.id);
    const html = await popup(other!.id); // asks for someone else: the popup still shows `a`
    const root = parse(html);
    const content = root.querySelector('div#followup-popup-content');
    expect(content).not.toBeNull();
    expect(content!.text).toContain('Membership:');
    expect(content!.text).toContain('Check-ins:');
    const form = root.querySelector('form#followup-form');
    expect(form?.getAttribute('action')).toBe('/action/FollowUp/save');
    const fields = formFields(html, 'form#followup-form');
    expect(fields['followUpUser.tfoUserId']).toBe(a!.id);
    expect(fields['followUpUser.firstName']).toBe(a!.firstName);
    expect(fields['followUpUser.lastName']).toBe(a!.lastName);
    expect(fields['followUpUser.email']).toBe(a!.email);
    expect(fields['followUpUser.mobilePhone']).toBe(a!.mobilePhone);
    for (const f of ['followUpStatus', 'followUpType', 'memberSalesFollowUpStatus', 'followUpLog.id', 'followUpUser.clubId', 'followUpUser.role.id', 'ptSupportDefaultAccount', 'emailSubject', 'emailMessage', 'followUpOutcomeNotes', 'textMessage']) {
      expect(fields).toHaveProperty([f]);
    }
    expect(form!.querySelectorAll('select[name="followUpLog.followUpAction"] option').map((o) => o.getAttribute('value'))).toEqual(['2', '3', '1']);
    // The captured form's token lengths: 56 and 128 characters.
    expect(hiddenTokens(html, 'form#followup-form').sourcePage).toMatch(/^[A-Za-z0-9_-]{54}==$/);
    expect(hiddenTokens(html, 'form#followup-form').fp).toMatch(/^[A-Za-z0-9_-]{128}$/);

    const entries = root.querySelectorAll('div#follow-up-log > div.followup-entry');
    expect(entries.map((e) => e.querySelector('.followup-entry-date')!.text)).toEqual([
      `12/8/26 @ 01:02 PM by ${shortName(a!)}`,
      `12/7/26 @ 08:15 AM by ${shortName(a!)}`,
    ]);
    const note = entries[1]!.querySelector('.followup-entry-note')!;
    expect(note.querySelector('img')?.getAttribute('src')).toBe('/images/icon_text.png');
    expect(note.innerHTML).toContain('Text - Running late<br>be there at 6');
    expect(entries[0]!.querySelector('.followup-entry-note')!.innerHTML).toContain('Thanks &lt;3');
  });

  it('sends a text: the one-line success body, an outbound log entry, nothing in the inbox', async () => {
    const [m] = sim.members;
    await delegate(m!.id);
    const html = await popup(m!.id);
    clock.advance(90_000);
    const res = await b.post('/action/FollowUp/save', smsForm(html, 'See you at 6 & bring water'), { xhr: true });
    expect(res.status).toBe(200);
    expect(res.text).toBe(`<a href="/action/Delegate/${m!.id}/url=/action/LeadProfile">${fullName(m!)}</a> has been texted.`);
    const staff = sim.staff[0]!;
    const [first, last] = [staff.name.split(' ')[0]!, staff.name.split(' ').slice(1).join(' ')];
    expect(sim.followUpLog(m!.id)).toEqual([
      { at: clock.now(), author: shortName({ firstName: first, lastName: last }), kind: 'text', body: 'See you at 6 & bring water', direction: 'outbound' },
    ]);
    expect(sim.messages()).toEqual([]);
    const p = localParts(clock.now(), TZ);
    const entry = parse(await popup(m!.id)).querySelector('.followup-entry-date')!.text;
    const hh = String(p.hour % 12 || 12).padStart(2, '0');
    const mm = String(p.minute).padStart(2, '0');
    expect(entry).toBe(`12/8/26 @ ${hh}:${mm} ${p.hour < 12 ? 'AM' : 'PM'} by ${first} ${last[0]}.`);
    expect(entry).toBe(`12/8/26 @ 02:06 PM by ${first} ${last[0]}.`);
  });

  it('refuses reused tokens and a member other than the delegated one', async () => {
    const [a, c] = sim.members;
    await delegate(a!.id);
    const html = await popup(a!.id);
    expect((await b.post('/action/FollowUp/save', smsForm(html, 'one'), { xhr: true })).text).toContain('has been texted.');
    const reused = await b.post('/action/FollowUp/save', smsForm(html, 'two'), { xhr: true });
    expect(reused.text).toBe("Something isn't right. Please refresh the page and try again.");

    const fresh = await popup(a!.id);
    const wrongMember = { ...smsForm(fresh, 'three'), 'followUpUser.tfoUserId': c!.id };
    expect((await b.post('/action/FollowUp/save', wrongMember, { xhr: true })).text).toContain("Something isn't right");

    // Delegation moved on between the popup and the send.
    const stale = await popup(a!.id);
    await delegate(c!.id);
    expect((await b.post('/action/FollowUp/save', smsForm(stale, 'four'), { xhr: true })).text).toContain("Something isn't right");
    expect(sim.followUpLog(a!.id).map((e) => e.body)).toEqual(['one']);
  });

  it('refuses SMS after STOP or CANCEL but still emails; START opts back in', async () => {
    const [m, n] = sim.members;
    sim.addInbound({ memberId: m!.id, body: 'STOP - OPT OUT message received.  Texting has been disabled.' });
    expect(sim.isOptedOut(m!.id)).toBe(true);
    await delegate(m!.id);
    const html = await popup(m!.id);
    const form = parse(html).querySelector('form#followup-form')!;
    expect(form.querySelector('textarea[name=textMessage]')).toBeNull();
    expect(form.querySelector('select option[selected]')?.getAttribute('value')).toBe('2');
    const refused = await b.post('/action/FollowUp/save', smsForm(html, 'hello?'), { xhr: true });
    expect(refused.text).toBe("Something isn't right. This member has opted out of text messages.");
    const emailed = await b.post('/action/FollowUp/save', emailForm(await popup(m!.id), 'Your receipt is attached'), { xhr: true });
    expect(emailed.text).toBe(`<a href="/action/Delegate/${m!.id}/url=/action/LeadProfile">${fullName(m!)}</a> has been emailed.`);
    expect(sim.followUpLog(m!.id)[0]).toMatchObject({ kind: 'email', body: 'Your receipt is attached', direction: 'outbound' });

    sim.addInbound({ memberId: m!.id, body: 'START' });
    expect(sim.isOptedOut(m!.id)).toBe(false);
    const again = await popup(m!.id);
    expect(parse(again).querySelector('textarea[name=textMessage]')).not.toBeNull();
    expect((await b.post('/action/FollowUp/save', smsForm(again, 'welcome back'), { xhr: true })).text).toContain('has been texted.');

    sim.addInbound({ memberId: n!.id, body: 'cancel' });
    expect(sim.isOptedOut(n!.id)).toBe(true);
    sim.addInbound({ memberId: n!.id, body: 'Can I cancel my session tomorrow?' });
    expect(sim.isOptedOut(n!.id)).toBe(true);
  });

  it('finds members by name with single-use search tokens', async () => {
    const target = sim.members[3]!;
    const page = await b.get('/action/Dashboard/search');
    // The search form's own pair: the e-mail form's comes first on the page.
    const tokens = hiddenTokens(page.text, 'form#quickSearchForm');
    expect(tokens).not.toEqual(hiddenTokens(page.text));
    const post = { 'filter.keyword': `${target.firstName.toUpperCase()} ${target.lastName}`, actAs: 'loggedIn', _sourcePage: tokens.sourcePage, __fp: tokens.fp };
    const res = await b.post('/action/UserSearch/', post, { xhr: true });
    const results = parse(res.text).querySelectorAll('div.search-result');
    expect(results.map((r) => [r.getAttribute('data-id'), r.getAttribute('data-full-name')])).toContainEqual([target.id, fullName(target)]);
    expect((await b.post('/action/UserSearch/', post, { xhr: true })).text).toContain("Something isn't right");
  });

  it("names the club's zone on UpdateTZ", async () => {
    const res = await b.post('/action/FollowUp/UpdateTZ', {}, { xhr: true });
    expect(res.text).toBe('Central Standard Time');
  });
});
