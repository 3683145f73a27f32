// The pieces of the gym bot import that read its text: glued sender names and its time formats.
import { describe, expect, it } from 'vitest';
import { clubDateOf, parseBotTime } from '../../main/import/gym-bot-time';
import { nameIndex, splitSender } from '../../main/import/sender-split';

describe('splitSender', () => {
  const none = nameIndex([]);
  it('splits a glued "Capitalized Capitalized" prefix', () => {
    expect(splitSender('Pat SmithSee you at 10', none)).toEqual({ senderName: 'Pat Smith', body: 'See you at 10' });
    expect(splitSender('Mary Ann SmithHi', none)).toEqual({ senderName: 'Mary Ann Smith', body: 'Hi' });
    expect(splitSender('Zoë Ó-BriainK', none)).toEqual({ senderName: 'Zoë Ó-Briain', body: 'K' });
    expect(splitSender('Pat Smith10 works', none)).toEqual({ senderName: 'Pat Smith', body: '10 works' });
    expect(splitSender('Pat Smith\nSee you', none)).toEqual({ senderName: 'Pat Smith', body: 'See you' });
  });
  it('prefers a known name, and uses it when the body starts in lowercase', () => {
    const known = nameIndex(['Jo Vanderbilt', 'Mary Ann Smith', 'Ok']);
    expect(splitSender('Jo Vanderbiltok thanks', known)).toEqual({ senderName: 'Jo Vanderbilt', body: 'ok thanks' });
    expect(splitSender('mary ann smithCan I', known)).toEqual({ senderName: 'Mary Ann Smith', body: 'Can I' });
    // A longer unknown name that starts like a known one is read by its shape first.
    expect(splitSender('Jo VanderbiltsonHello', nameIndex(['Jo Vanderbilt']))).toEqual({ senderName: 'Jo Vanderbiltson', body: 'Hello' });
    expect(splitSender('Pat SmithSee', known, 'Pat Smith')).toEqual({ senderName: 'Pat Smith', body: 'See' });
  });
  it('reads a row an older parser kept a space in, and gives up on text with no name', () => {
    expect(splitSender('Pat Smith see you soon', none)).toEqual({ senderName: 'Pat Smith', body: 'see you soon' });
    expect(splitSender('hello there', none)).toBeNull();
    expect(splitSender('STOP', none)).toBeNull();
    expect(splitSender('Pat Smith', none)).toBeNull();
  });
});

describe('parseBotTime and clubDateOf', () => {
  const zone = 'America/Chicago';
  it('reads Unix seconds: a club midnight is a date, any other minute a time', () => {
    const midnight = parseBotTime(`${Date.parse('2025-04-02T05:00:00Z') / 1000}.0`, zone)!;
    expect(midnight.precision).toBe('day');
    expect(clubDateOf(midnight, zone)).toEqual({ localDate: '2025-04-02', localTime: null });
    const timed = parseBotTime('1757082600.0', zone)!; // 2025-09-05T14:30Z = 09:30 CDT
    expect(clubDateOf(timed, zone)).toEqual({ localDate: '2025-09-05', localTime: '09:30' });
  });
  it('rounds a day-precision time to the nearest club midnight (a host in another zone)', () => {
    const utcMidnight = { ...parseBotTime(`${Date.parse('2025-08-01T00:00:00Z') / 1000}`, zone)!, precision: 'day' as const };
    expect(clubDateOf(utcMidnight, zone)).toEqual({ localDate: '2025-08-01', localTime: null });
    const pacificMidnight = { ...parseBotTime(`${Date.parse('2025-08-01T07:00:00Z') / 1000}`, zone)!, precision: 'day' as const };
    expect(clubDateOf(pacificMidnight, zone)).toEqual({ localDate: '2025-08-01', localTime: null });
  });
  it('reads naive ISO as club time, SQLite CURRENT_TIMESTAMP as UTC, offsets as given', () => {
    expect(clubDateOf(parseBotTime('2025-09-05T09:30:00', zone)!, zone)).toEqual({ localDate: '2025-09-05', localTime: '09:30' });
    expect(parseBotTime('2025-09-05T00:00:00', zone)!.precision).toBe('day');
    expect(parseBotTime('2025-09-05', zone)!.precision).toBe('day');
    expect(clubDateOf(parseBotTime('2025-09-05 14:30:00', zone)!, zone)).toEqual({ localDate: '2025-09-05', localTime: '09:30' });
    expect(clubDateOf(parseBotTime('2025-09-05T16:30:00+02:00', zone)!, zone)).toEqual({ localDate: '2025-09-05', localTime: '09:30' });
  });
  it('refuses what is no time', () => {
    for (const v of [null, '', 'yesterday', '2025-13-01T00:00:00', '12', '99999999999999999', 'NaN']) expect(parseBotTime(v, zone)).toBeNull();
  });
});
