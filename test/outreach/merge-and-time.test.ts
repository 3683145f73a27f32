// Merge fields, quiet hours, business hours, CSV recipients and history matching: the pure parts.
import { describe, expect, it } from 'vitest';
import { knowledgeBusinessHours } from '../../main/services/assistant/outreach-hours';
import { knowledgeSchema, type Knowledge } from '../../common/knowledge';
import { parseRecipientCsv } from '../../main/outreach/csv-recipients';
import { comparableText, sameText, wentOut } from '../../main/outreach/history-match';
import { fieldsUsed, mergeMessage, placeholderIn } from '../../main/outreach/merge-fields';
import { DEFAULT_QUIET_HOURS, isQuiet, nextSendable } from '../../main/outreach/quiet-hours';
import { zonedToEpoch } from '../../common/time/club-time';
import type { MemberHistory } from '../../main/clubos/types';

const CHI = 'America/Chicago';
const TOKYO = 'Asia/Tokyo';
const at = (zone: string, y: number, mo: number, d: number, h = 0, mi = 0): number => zonedToEpoch({ year: y, month: mo, day: d, hour: h, minute: mi }, zone);

const weekday = [{ from: '06:00', to: '21:00' }];
const weekend = [{ from: '08:00', to: '18:00' }];
/** Knowledge as staff type it in Settings → Knowledge: Mon–Fri 6–21, Sat–Sun 8–18. */
const GYM: Knowledge = knowledgeSchema.parse({
  clubName: 'Northside Fitness',
  address: '12 Main St',
  parking: '  ',
  openingHours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: weekend, sun: weekend },
  staffedHours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: weekend, sun: weekend },
});
const hoursIn = (zone: string, knowledge: Knowledge = GYM) => knowledgeBusinessHours({ knowledge: () => knowledge, timeZone: () => zone });

describe('merge fields', () => {
  const hours = hoursIn(CHI);
  const monday = at(CHI, 2026, 12, 7, 10);

  it('fills first name, last name and Knowledge fields, in both brace styles', () => {
    const r = mergeMessage('Hi {firstName} {{lastName}}! Today we are open {todayHours} at {address}.', { memberName: 'JANE doe' }, hours, monday);
    expect(r).toEqual({ ok: true, text: 'Hi Jane doe! Today we are open 6 AM–9 PM at 12 Main St.' });
    expect(fieldsUsed('Hi {firstName}, {address} {firstName}')).toEqual(['firstName', 'address']);
  });

  it('blocks a recipient whose first name is unknown, with the reason, never a stand-in', () => {
    for (const memberName of ['', 'Unknown', '   ', '12345']) {
      const r = mergeMessage('Hi {firstName}, see you soon', { memberName }, hours, monday);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/no first name on file/);
    }
  });

  it('blocks unknown and empty Knowledge fields and leftover placeholders', () => {
    expect(mergeMessage('Hi {firstName}, {frontDeskHours}', { memberName: 'Ann Lee' }, hours, monday)).toEqual({
      ok: false,
      reason: 'Blocked: {frontDeskHours} is not a merge field Frontdesk knows',
    });
    const empty = mergeMessage('Park at {parking}', { memberName: 'Ann Lee' }, hours, monday);
    expect(empty.ok === false && empty.reason).toMatch(/parking.*empty/);
    // Hours Knowledge does not give for the day are empty too, never guessed.
    const unknownDay = mergeMessage('Open {todayHours}', { memberName: 'Ann Lee' }, hoursIn(CHI, knowledgeSchema.parse({})), monday);
    expect(unknownDay.ok === false && unknownDay.reason).toMatch(/todayHours.*empty/);
    for (const text of ['Hi [First Name], welcome', 'Hi <name>!', 'Hello %NAME%', 'Hi {firstName', 'a } b']) {
      const r = mergeMessage(text, { memberName: 'Ann Lee' }, hours, monday);
      expect(r.ok, text).toBe(false);
    }
    expect(placeholderIn('See you at 6!')).toBeNull();
  });

  it("says the club is closed on a holiday and uses the club's day, not the host's", () => {
    const h = hoursIn(TOKYO, { ...GYM, holidays: [{ date: '2026-12-25', name: 'Christmas', open: [], staffed: [] }] });
    // 23:30 UTC on Dec 24 is already Dec 25 in Tokyo.
    expect(h.knowledgeValue('todayHours', Date.UTC(2026, 11, 24, 23, 30))).toBe('closed');
    expect(h.knowledgeValue('tomorrowHours', Date.UTC(2026, 11, 24, 23, 30))).toBe('8 AM–6 PM'); // a Saturday
  });
});

describe("business hours from Knowledge's staffed hours", () => {
  const chi = hoursIn(CHI);

  it('is staffed Mon–Fri 6–21 and Sat–Sun 8–18 in the club zone', () => {
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

  it('falls back to opening hours, then to the whole day, where Knowledge gives no staffed hours; a holiday without staff counts nothing', () => {
    const partial = hoursIn(CHI, knowledgeSchema.parse({ openingHours: { sat: [{ from: '09:00', to: '12:00' }] }, staffedHours: { mon: weekday } }));
    expect(partial.businessMsBetween(at(CHI, 2026, 12, 12, 0), at(CHI, 2026, 12, 13, 0))).toBe(3 * 3_600_000); // Saturday: opening hours
    expect(partial.businessMsBetween(at(CHI, 2026, 12, 13, 0), at(CHI, 2026, 12, 14, 0))).toBe(24 * 3_600_000); // Sunday: unknown
    const holiday = hoursIn(CHI, { ...GYM, holidays: [{ date: '2026-12-25', name: 'Christmas', open: null, staffed: [] }] });
    expect(holiday.businessMsBetween(at(CHI, 2026, 12, 25, 0), at(CHI, 2026, 12, 26, 0))).toBe(0);
    expect(holiday.isOpenAt(at(CHI, 2026, 12, 25, 10))).toBe(false);
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
