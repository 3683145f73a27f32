process.env.TZ = 'Asia/Tokyo';

import { describe, expect, it } from 'vitest';
import { ClubOSError } from '../../../common/errors/clubos-error';
import { toMemberHistory } from '../../../main/clubos/member-history';
import { parseFollowUpEntryHeader } from '../../../main/clubos/parse/followup-entry-header';
import { parseFollowUpPopup } from '../../../main/clubos/parse/followup-popup';
import { buildSendForm } from '../../../main/clubos/send-form';
import { staffShortName } from '../../../main/clubos/staff-short-name';
import { fixture } from './fixtures';

const context = {
  timeZone: 'America/Chicago',
  loggedInUserName: 'Alex Morgan',
  staff: [
    { id: '187032790', name: 'Jordan Reyes' },
    { id: '187032799', name: "Sam O'Neil" },
  ],
};

const kindOf = (run: () => unknown): string => {
  try {
    run();
  } catch (e) {
    if (e instanceof ClubOSError) return e.kind;
    throw e;
  }
  return 'none';
};

describe('FollowUp popup', () => {
  it('scrapes the compose form as a browser would submit it', () => {
    const popup = parseFollowUpPopup(fixture('followup-popup.html'));
    expect(popup.memberId).toBe('123456789');
    expect(popup.memberName).toBe('Jane Doe');
    expect(popup.canText).toBe(true);
    expect(popup.fields).toEqual([
      ['_sourcePage', 'Po9iU8yT7rE6wQ5aS4dF3gH2jK1lZ0xC9vB8nM7qW6e='],
      ['__fp', 'Mn4Bv5Cx6Za7'],
      ['followUpUser.tfoUserId', '123456789'],
      ['followUpUser.firstName', 'Jane'],
      ['followUpUser.lastName', 'Doe'],
      ['followUpUser.email', 'jane.doe@example.com'],
      ['followUpUser.mobilePhone', '(555) 010-2233'],
      ['followUpLog.followUpAction', '3'],
      ['textMessage', ''],
      ['emailSubject', 'Alex Morgan has sent you a message'],
      ['emailMessage', '<p></p>'],
      ['followUpOutcomeNotes', ''],
      ['followUpStatus', '1'],
      ['followUpType', '3'],
      ['memberSalesFollowUpStatus', '2'],
      ['event.eventType', 'LEAD'],
      ['sendCopy', 'true'],
    ]);
  });

  it('reads the log newest first with exact club-zone instants, authors, directions and kinds', () => {
    const history = toMemberHistory(parseFollowUpPopup(fixture('followup-popup.html')), context);
    expect(history.memberId).toBe('123456789');
    expect(history.entries).toEqual([
      { at: Date.parse('2026-12-08T15:31:00Z'), localDate: '2026-12-08', localTime: '09:31', author: 'Alex M.', direction: 'outbound', kind: 'text', body: 'See you then 👍' },
      { at: Date.parse('2026-12-08T15:30:00Z'), localDate: '2026-12-08', localTime: '09:30', author: 'Jane D.', direction: 'inbound', kind: 'text', body: 'See you at 10\nThanks!' },
      { at: Date.parse('2026-12-08T05:58:00Z'), localDate: '2026-12-07', localTime: '23:58', author: 'Jordan R.', direction: 'outbound', kind: 'email', body: 'Your invoice & schedule' },
      // 1:30 AM on the fall-back day happens twice; the earlier (CDT) instant.
      { at: Date.parse('2026-11-01T06:30:00Z'), localDate: '2026-11-01', localTime: '01:30', author: 'Sam O.', direction: 'outbound', kind: 'call', body: 'Left a voicemail' },
      { at: Date.parse('2026-03-08T17:15:00Z'), localDate: '2026-03-08', localTime: '12:15', author: 'Jane D.', direction: 'inbound', kind: 'note', body: '<script>alert(1)</script> hi' },
    ]);
  });

  it('says a member without the text field cannot be texted', () => {
    const popup = parseFollowUpPopup(fixture('followup-popup-opted-out.html'));
    expect(popup.canText).toBe(false);
    expect(popup.memberName).toBe('Marcus Lee');
    expect(popup.entries).toHaveLength(1);
  });

  it('refuses a truncated popup, a popup without tokens or log, and a login page; the wrapper is optional', () => {
    const page = fixture('followup-popup.html');
    expect(kindOf(() => parseFollowUpPopup(fixture('followup-popup-truncated.html')))).toBe('parse');
    expect(kindOf(() => parseFollowUpPopup(page.replace('name="__fp"', 'name="fp"')))).toBe('parse');
    expect(kindOf(() => parseFollowUpPopup(page.replace('id="follow-up-log"', 'id="log"')))).toBe('parse');
    expect(kindOf(() => parseFollowUpPopup(page.replace('12/8/26 @ 09:31 AM by Alex M.', '12/8/26 9:31')))).toBe('parse');
    expect(kindOf(() => parseFollowUpPopup(page.replace('12/8/26 @ 09:31 AM', '2/30/26 @ 09:31 AM')))).toBe('parse');
    expect(kindOf(() => parseFollowUpPopup(page.replace('<div class="followup-entry-note"><img src="/images/icon_text.png"> Text - See you then &#x1F44D;</div>', '')))).toBe('parse');
    // No capture shows the popup's own HTML: the form and log are found without the wrapper too.
    expect(parseFollowUpPopup(page.replace('id="followup-popup-content"', 'id="x"')).memberId).toBe(parseFollowUpPopup(page).memberId);
    expect(kindOf(() => parseFollowUpPopup(fixture('login-page.html')))).toBe('session');
  });

  it('reads entry headers with slashes or backslashes and 12-hour times', () => {
    expect(parseFollowUpEntryHeader('9/21/25 @ 08:15 PM by Alex M.')).toEqual({ year: 2025, month: 9, day: 21, hour: 20, minute: 15, author: 'Alex M.' });
    expect(parseFollowUpEntryHeader('9\\26\\25 @ 12:05 AM by Jane D.')).toEqual({ year: 2025, month: 9, day: 26, hour: 0, minute: 5, author: 'Jane D.' });
    expect(parseFollowUpEntryHeader('  1/2/2027  @ 12:00 PM  by  Zoë  Ö. ')).toEqual({ year: 2027, month: 1, day: 2, hour: 12, minute: 0, author: 'Zoë Ö.' });
    for (const bad of ['9/21/25 08:15 PM by Alex M.', '9/21/25 @ 13:15 PM by A B.', '9/21/25 @ 08:15 PM', '9-21-25 @ 08:15 PM by A.']) {
      expect(parseFollowUpEntryHeader(bad), bad).toBeNull();
    }
  });
});

describe('staff short names', () => {
  it('is the first name and the last initial', () => {
    expect(staffShortName('Alex Morgan')).toBe('Alex M.');
    expect(staffShortName('  Mary  Ann   van Dyke ')).toBe('Mary D.');
    expect(staffShortName('Cher')).toBe('Cher');
    expect(staffShortName('Zoë Ørsted')).toBe('Zoë Ø.');
    expect(staffShortName('')).toBe('');
  });
});

describe('send form', () => {
  const fields = parseFollowUpPopup(fixture('followup-popup.html')).fields;
  const ctx = { staffId: '187032782', localStamp: '2026-12-08 09:45' };
  const asMap = (pairs: ReadonlyArray<readonly [string, string]>): Map<string, string[]> => {
    const map = new Map<string, string[]>();
    for (const [k, v] of pairs) map.set(k, [...(map.get(k) ?? []), v]);
    return map;
  };

  it('posts the popup form back with the SMS overrides of protocol §2.4', () => {
    const form = asMap(buildSendForm(fields, { memberId: '123456789', channel: 'sms', body: 'See you <at> 10 & bring 💧' }, ctx));
    expect(form.get('_sourcePage')).toEqual(['Po9iU8yT7rE6wQ5aS4dF3gH2jK1lZ0xC9vB8nM7qW6e=']);
    expect(form.get('__fp')).toEqual(['Mn4Bv5Cx6Za7']);
    expect(form.get('followUpUser.tfoUserId')).toEqual(['123456789']);
    expect(form.get('followUpLog.followUpAction')).toEqual(['3']);
    expect(form.get('textMessage')).toEqual(['See you <at> 10 & bring 💧']);
    expect(form.get('emailMessage')).toEqual(['<p></p>']);
    expect(form.get('emailSubject')).toEqual([' has sent you a message']);
    expect(form.get('followUpOutcomeNotes')).toEqual(['Message sent via Frontdesk on 2026-12-08 09:45']);
    expect(form.get('event.createdFor.tfoUserId')).toEqual(['187032782']);
    expect(form.get('ptSupportDefaultAccount')).toEqual(['187032782']);
    expect(form.get('followUpSequence')).toEqual(['']);
    expect(form.get('sendCopy')).toEqual(['true']);
  });

  it("keeps the member's own sales follow-up stage, and gives a popup without one the captured value", () => {
    const withStage = fields.map(([name, value]): [string, string] => [name, name === 'memberSalesFollowUpStatus' ? '7' : value]);
    expect(asMap(buildSendForm(withStage, { memberId: '123456789', channel: 'sms', body: 'Hi' }, ctx)).get('memberSalesFollowUpStatus')).toEqual(['7']);
    const without = fields.filter(([name]) => name !== 'memberSalesFollowUpStatus');
    expect(asMap(buildSendForm(without, { memberId: '123456789', channel: 'sms', body: 'Hi' }, ctx)).get('memberSalesFollowUpStatus')).toEqual(['6']);
  });

  it('puts an email body into escaped HTML with line breaks', () => {
    const form = asMap(buildSendForm(fields, { memberId: '123456789', channel: 'email', body: 'Hi <Jane>\n"Tom" & co', subject: 'Your schedule' }, ctx));
    expect(form.get('followUpLog.followUpAction')).toEqual(['2']);
    expect(form.get('textMessage')).toEqual(['']);
    expect(form.get('emailMessage')).toEqual(['<p>Hi &#60;Jane&#62;<br>&#34;Tom&#34; &#38; co</p>']);
    expect(form.get('emailSubject')).toEqual(['Your schedule']);
  });
});
