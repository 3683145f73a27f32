// The assertions every parser must pass, written once and run on the real captures and on the
// simulator's pages alike, so the two cannot drift apart.
import { expect } from 'vitest';
import { parseDashboard } from '../../../main/clubos/parse/dashboard';
import { parseFollowUpPopup, type FollowUpPopup } from '../../../main/clubos/parse/followup-popup';
import { parseLoginPage } from '../../../main/clubos/parse/login-page';
import { parseSearchPage, parseSearchResults } from '../../../main/clubos/parse/search-page';
import { buildSendForm } from '../../../main/clubos/send-form';
import type { ClubPageContext, MemberSearchResult } from '../../../main/clubos/types';

export interface LoginExpectation {
  /** The login form's own pair (never the forgot-password form's). */
  tokens: { sourcePage: string; fp: string };
}

export function checkLoginPage(html: string, expected: LoginExpectation): void {
  const page = parseLoginPage(html);
  expect(page.tokens).toEqual(expected.tokens);
  expect(page.tokens.sourcePage).toHaveLength(44);
  expect(page.tokens.fp).toHaveLength(12);
  expect(page.fields.map(([name]) => name).sort()).toEqual(['__fp', '_sourcePage', 'login', 'password', 'username']);
  expect(page.fields).toContainEqual(['login', 'Submit']);
  expect(page.error).toBeNull();
}

export interface DashboardExpectation {
  actingUser: { id: string; name: string };
  loggedInUserId: string;
  clubId: string;
  clubLocationId: string | null;
  timeZone: string | null;
  owners: ClubPageContext['owners'];
  staff: ClubPageContext['staff'];
  locations: ClubPageContext['locations'];
  /** The search form's pair, which is not the first pair on the page. */
  searchTokens: { sourcePage: string; fp: string };
  firstTokensOnPage: { sourcePage: string; fp: string };
}

export function checkDashboard(html: string, expected: DashboardExpectation): ClubPageContext {
  const context = parseDashboard(html);
  expect(context.actingUser).toEqual(expected.actingUser);
  expect(context.loggedInUserId).toBe(expected.loggedInUserId);
  expect(context.loggedInUserName).toBe(expected.actingUser.name);
  expect(context.clubId).toBe(expected.clubId);
  expect(context.clubLocationId).toBe(expected.clubLocationId);
  expect(context.timeZone).toBe(expected.timeZone);
  expect(context.owners).toEqual(expected.owners);
  expect(context.staff).toEqual(expected.staff);
  expect(context.locations).toEqual(expected.locations);
  // Ids are strings inside the app, whatever type the page's JSON gave them.
  for (const id of [context.clubId, context.loggedInUserId, context.actingUser.id, ...context.staff.map((s) => s.id)]) expect(id).toMatch(/^\d+$/);

  const search = parseSearchPage(html);
  expect(search.tokens).toEqual(expected.searchTokens);
  expect(search.tokens).not.toEqual(expected.firstTokensOnPage);
  expect(search.tokens.sourcePage).toHaveLength(56);
  expect(search.fields).toContainEqual(['actAs', 'loggedIn']);
  expect(search.fields.map(([name]) => name)).toContain('filter.keyword');
  return context;
}

export type ExpectedResult = Pick<MemberSearchResult, 'id' | 'fullName' | 'email' | 'phone'> & { role: { id: string; name: string } };

export function checkSearchResults(html: string, expected: readonly ExpectedResult[]): MemberSearchResult[] {
  const results = parseSearchResults(html);
  expect(results.map((r) => ({ id: r.id, fullName: r.fullName, email: r.email, phone: r.phone, role: r.role }))).toEqual(expected);
  return results;
}

/**
 * The popup form's fields as a browser would submit them: every captured name with its value,
 * both tokens at their captured lengths, and a send keeps every field the popup had.
 */
/** `fields`: name → the value it must have, or undefined where only the name is checked. */
export function checkPopupForm(popup: FollowUpPopup, expected: { memberId: string; memberName: string; fields: Readonly<Record<string, string | undefined>> }): void {
  expect(popup.memberId).toBe(expected.memberId);
  expect(popup.memberName).toBe(expected.memberName);
  const got = new Map(popup.fields);
  for (const [name, value] of Object.entries(expected.fields)) {
    expect(got.has(name), `field ${name}`).toBe(true);
    if (value !== undefined) expect(got.get(name), `value of ${name}`).toBe(value);
  }
  expect(got.get('_sourcePage')).toHaveLength(56);
  expect(got.get('__fp')).toHaveLength(128);
  const form = buildSendForm(popup.fields, { memberId: popup.memberId, channel: 'sms', body: 'See you at 6' }, { staffId: '1', localStamp: '2026-11-30 09:00' });
  const sent = new Map(form);
  for (const name of got.keys()) expect(sent.has(name), `send keeps ${name}`).toBe(true);
  expect(sent.get('_sourcePage')).toBe(got.get('_sourcePage'));
  expect(sent.get('__fp')).toBe(got.get('__fp'));
  expect(sent.get('memberSalesFollowUpStatus')).toBe(got.get('memberSalesFollowUpStatus'));
  expect(sent.get('textMessage')).toBe('See you at 6');
  expect(sent.get('followUpLog.followUpAction')).toBe('3');
}

/**
 * A FollowUp popup built around the captured field list. No capture of the popup's HTML exists
 * (only its fields), so the markup around the fields is today's (MARKUP.md); the fields are real.
 */
export function popupAroundFields(fields: Readonly<Record<string, string>>): string {
  const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const controls = Object.entries(fields).map(([name, value]) =>
    ['textMessage', 'emailMessage', 'followUpOutcomeNotes'].includes(name)
      ? `<textarea name="${escape(name)}">${escape(value)}</textarea>`
      : `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`,
  );
  return `<div id="followup-popup-content"><form id="followup-form" action="/action/FollowUp/save" method="post">\n${controls.join('\n')}\n</form><div id="follow-up-log"></div></div>`;
}

export function parsePopup(html: string): FollowUpPopup {
  return parseFollowUpPopup(html);
}
