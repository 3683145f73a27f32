// Merge fields, quiet hours, business hours, CSV recipients and history matching: the pure parts.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUSINESS_HOURS, scheduleBusinessHours, type BusinessHours } from '../../main/outreach/business-hours';
import { parseRecipientCsv } from '../../main/outreach/csv-recipients';
import { comparableText, sameText, wentOut } from '../../main/outreach/history-match';
import { fieldsUsed, mergeMessage, placeholderIn } from '../../main/outreach/merge-fields';
import { DEFAULT_QUIET_HOURS, isQuiet, nextSendable } from '../../main/outreach/quiet-hours';
import { zonedToEpoch } from '../../common/time/club-time';
import type { MemberHistory } from '../../main/clubos/types';

const CHI = 'America/Chicago';
const TOKYO = 'Asia/Tokyo';
const at = (zone: string, y: number, mo: number, d: number, h = 0, mi = 0): number => zonedToEpoch({ year: y, month: mo, day: d, hour: h, minute: mi }, zone);
const hoursIn = (zone: string, hours: BusinessHours = DEFAULT_BUSINESS_HOURS) => scheduleBusinessHours({ hours: () => hours, timeZone: () => zone });

describe('merge fields', () => {
  const hours = hoursIn(CHI, { ...DEFAULT_BUSINESS_HOURS, facts: { clubPhone: '(555) 010-2000', parkingNote: '  ' } });
  const monday = at(CHI, 2026, 12, 7, 10);

  it('fills first name, last name and knowledge fields, in both brace styles', () => {
    const r = mergeMessage('Hi {firstName} {{lastName}}! Today we are open {todayHours}; call {clubPhone}.', { memberName: 'JANE doe' }, hours, monday);
    expect(r).toEqual({ ok: true, text: 'Hi Jane doe! Today we are open 6:00 AM – 9:00 PM; call (555) 010-2000.' });
    expect(fieldsUsed('Hi {firstName}, {clubPhone} {firstName}')).toEqual(['firstName', 'clubPhone']);
  });

  it('blocks a recipient whose first name is unknown, with the reason, never a stand-in', () => {
    for (const memberName of ['', 'Unknown', '   ', '12345']) {
      const r = mergeMessage('Hi {firstName}, see you soon', { memberName }, hours, monday);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/no first name on file/);
    }
  });

  it('blocks unknown and empty knowledge fields and leftover placeholders', () => {
    expect(mergeMessage('Hi {firstName}, {frontDeskHours}', { memberName: 'Ann Lee' }, hours, monday)).toEqual({
      ok: false,
      reason: 'Blocked: {frontDeskHours} is not a merge field Frontdesk knows',
    });
    const empty = mergeMessage('Park at {parkingNote}', { memberName: 'Ann Lee' }, hours, monday);
    expect(empty.ok === false && empty.reason).toMatch(/parkingNote.*empty/);
    for (const text of ['Hi [First Name], welcome', 'Hi <name>!', 'Hello %NAME%', 'Hi {firstName', 'a } b']) {
      const r = mergeMessage(text, { memberName: 'Ann Lee' }, hours, monday);
      expect(r.ok, text).toBe(false);
    }
    expect(placeholderIn('See you at 6!')).toBeNull();
  });

  it("says the club is closed on a closed date and uses the club's day, not the host's", () => {
    const h = hoursIn(TOKYO, { ...DEFAULT_BUSINESS_HOURS, closedDates: ['2026-12-25'] });
    // 23:30 UTC on Dec 24 is already Dec 25 in Tokyo.
    expect(h.knowledgeValue('todayHours', Date.UTC(2026, 11, 24, 23, 30))).toBe('closed');
    expect(h.knowledgeValue('tomorrowHours', Date.UTC(2026, 11, 24, 23, 30))).toBe('8:00 AM – 6:00 PM'); // a Saturday
  });
});

describe('business hours', () => {
  const chi = hoursIn(CHI);

  it('is open Mon–Fri 6–21 and Sat–Sun 8–18 in the club zone', () => {
    expect(chi.isOpenAt(at(CHI, 2026, 12, 7, 5, 59))).toBe(false); // Monday
    expect(chi.isOpenAt(at(CHI, 2026, 12, 7, 6, 0))).toBe(true);
    expect(chi.isOpenAt(at(CHI, 2026, 12, 7, 21, 0))).toBe(false);
    expect(chi.isOpenAt(at(CHI, 2026, 12, 12, 7, 59))).toBe(false); // Saturday
    expect(chi.isOpenAt(at(CHI, 2026, 12, 12, 17, 59))).toBe(true);
  });

  it('counts only staffed time between two instants, over nights and a weekend', () => {
    // Friday 20:00 → Monday 7:00: 1 h Friday, 10 h Saturday, 10 h Sunday, 1 h Monday.
    expect(chi.businessMsBetween(at(CHI, 2026, 12, 11, 20), at(CHI, 2026, 12, 14, 7))).toBe(22 * 3_600_000);
    expect(chi.businessMsBetween(at(CHI, 2026, 12, 14, 7), at(CHI, 2026, 12, 11, 20))).toBe(0);
    // Over the DST change (Nov 1, 2026): Sunday 8–18 is 10 real hours.
    expect(chi.businessMsBetween(at(CHI, 2026, 11, 1, 0), at(CHI, 2026, 11, 2, 0))).toBe(10 * 3_600_000);
  });
});

describe('quiet hours (default: send 8 AM – 9 PM in the club zone)', () => {
  it("holds texts between 9 PM and 8 AM on the club's clock, whatever the host's", () => {
    expect(isQuiet(at(CHI, 2026, 12, 7, 7, 59), DEFAULT_QUIET_HOURS, CHI)).toBe(true);
    expect(isQuiet(at(CHI, 2026, 12, 7, 8, 0), DEFAULT_QUIET_HOURS, CHI)).toBe(false);
    expect(isQuiet(at(CHI, 2026, 12, 7, 20, 59), DEFAULT_QUIET_HOURS, CHI)).toBe(false);
    expect(isQuiet(at(CHI, 2026, 12, 7, 21, 0), DEFAULT_QUIET_HOURS, CHI)).toBe(true);
    // 10:00 in Chicago is 01:00 the next day in Tokyo.
    expect(isQuiet(at(CHI, 2026, 12, 7, 10), DEFAULT_QUIET_HOURS, TOKYO)).toBe(true);
    expect(isQuiet(at(CHI, 2026, 12, 7, 3), null, CHI)).toBe(false);
  });

  it('resumes at the next 8 AM', () => {
    expect(nextSendable(at(CHI, 2026, 12, 7, 22), DEFAULT_QUIET_HOURS, CHI)).toBe(at(CHI, 2026, 12, 8, 8));
    expect(nextSendable(at(CHI, 2026, 12, 7, 3), DEFAULT_QUIET_HOURS, CHI)).toBe(at(CHI, 2026, 12, 7, 8));
    expect(nextSendable(at(CHI, 2026, 12, 7, 12), DEFAULT_QUIET_HOURS, CHI)).toBe(at(CHI, 2026, 12, 7, 12));
  });
});

describe('CSV recipients', () => {
  it('reads ids, names and phones under any usual header, with quotes and a BOM', () => {
    const rows = parseRecipientCsv('\uFEFFFirst Name,Last Name,Mobile Phone,ClubOS ID\r\nJane,"Doe, Jr.",(555) 010-1234,187654321\nBo,Li,,\n,,555-0100,\n');
    expect(rows).toEqual([
      { row: 1, memberId: '187654321', name: 'Jane Doe, Jr.', phone: '5550101234' },
      { row: 2, memberId: null, name: 'Bo Li', phone: null },
      { row: 3, memberId: null, name: null, phone: '5550100' },
    ]);
  });

  it('refuses a file with no usable column or a broken quote, clearly', () => {
    expect(() => parseRecipientCsv('colour,size\nred,2')).toThrow(/header row with an id, name/);
    expect(() => parseRecipientCsv('name\n"Jane')).toThrow(/could not be read/);
    expect(() => parseRecipientCsv('')).toThrow(/empty/);
  });
});

describe('matching an unknown send against the FollowUp history', () => {
  const t0 = Date.UTC(2026, 11, 7, 16, 5, 40);
  const entry = (atMs: number, body: string, direction: 'inbound' | 'outbound' = 'outbound') => ({
    at: atMs,
    localDate: '2026-12-07',
    localTime: '10:05',
    author: 'Alex M.',
    direction,
    kind: 'text' as const,
    body,
  });
  const history = (...entries: ReturnType<typeof entry>[]): MemberHistory => ({ memberId: '1', memberName: 'Ann Lee', canText: true, entries });
  const minute = (ms: number): number => Math.floor(ms / 60_000) * 60_000;

  it('finds the text at the minute ClubOS logged it, entities and spacing aside', () => {
    expect(comparableText('Tom &amp; Jerry&#39;s  class\n')).toBe("Tom & Jerry's class");
    expect(sameText('See you at 6!', ' See you at 6! ')).toBe(true);
    expect(wentOut({ channel: 'sms', body: 'See you at 6!', attemptAt: t0 }, history(entry(minute(t0), 'See you at 6!')), [])).not.toBeNull();
  });

  it('ignores older copies, the member’s own texts, and copies other settled sends own', () => {
    const old = entry(minute(t0) - 3_600_000, 'See you at 6!');
    expect(wentOut({ channel: 'sms', body: 'See you at 6!', attemptAt: t0 }, history(old), [])).toBeNull();
    expect(wentOut({ channel: 'sms', body: 'See you at 6!', attemptAt: t0 }, history(entry(minute(t0), 'See you at 6!', 'inbound')), [])).toBeNull();
    // One copy in the window, already owned by a send settled a minute earlier: not this attempt's.
    const owned = entry(minute(t0) - 60_000, 'See you at 6!');
    expect(wentOut({ channel: 'sms', body: 'See you at 6!', attemptAt: t0 }, history(owned), [t0 - 60_000])).toBeNull();
    // Two copies, one owned: the other is this attempt's.
    expect(wentOut({ channel: 'sms', body: 'See you at 6!', attemptAt: t0 }, history(owned, entry(minute(t0), 'See you at 6!')), [t0 - 60_000])).not.toBeNull();
  });
});
