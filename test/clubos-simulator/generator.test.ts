import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSimulator } from '../../main/clubos-simulator';
import type { ClubOSSimulator, SimMessage } from '../../main/clubos-simulator';
import { localDate, parseDate } from '../../common/time/club-time';
import { manualClock } from '../../common/time/manual-clock';

const NOW = Date.parse('2026-09-05T22:00:00Z');
const TZ = 'America/Chicago';
const sims: ClubOSSimulator[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

async function start(seed: number, days: number, members = 300): Promise<ClubOSSimulator> {
  const sim = await startSimulator({ clock: manualClock(NOW), seed, history: { days }, members, timeZone: TZ });
  sims.push(sim);
  return sim;
}

const share = (msgs: SimMessage[], test: (m: SimMessage) => boolean): number => msgs.filter(test).length / msgs.length;

describe('simulator history generator', () => {
  it('replays the same club and history for the same seed, and another for another seed', async () => {
    const [a, b, c] = await Promise.all([start(11, 30), start(11, 30), start(12, 30)]);
    expect(b.members).toEqual(a.members);
    expect(b.staff).toEqual(a.staff);
    expect(b.loggedInUserId).toBe(a.loggedInUserId);
    expect(b.messages()).toEqual(a.messages());
    expect(a.messages().length).toBeGreaterThan(100);
    const busiest = a.messages()[0]!.memberId;
    expect(b.followUpLog(busiest)).toEqual(a.followUpLog(busiest));
    expect(c.members.map((m) => m.id)).not.toEqual(a.members.map((m) => m.id));
    expect(c.messages().map((m) => m.body)).not.toEqual(a.messages().map((m) => m.body));
  });

  it('builds a club of unique 9-digit ids, unique names and contact details', async () => {
    const sim = await startSimulator({ clock: manualClock(NOW), members: 500, staff: 12 });
    sims.push(sim);
    expect(sim.members).toHaveLength(500);
    expect(sim.staff).toHaveLength(12);
    const ids = [...sim.members.map((m) => m.id), ...sim.staff.map((s) => s.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[1-9]\d{8}$/);
    expect(new Set(sim.members.map((m) => `${m.firstName} ${m.lastName}`)).size).toBe(500);
    for (const m of sim.members) {
      expect(m.email).toMatch(/^[a-z]+\.[a-z]+\d+@[a-z.]+$/);
      expect(m.mobilePhone).toMatch(/^\(\d{3}\) 555-01\d{2}$/);
    }
    expect(sim.staff[0]!.id).toBe(sim.loggedInUserId);
    expect(sim.messages()).toEqual([]);
  });

  it('shapes months of traffic like the real inbox (protocol §7)', async () => {
    const days = 240;
    const sim = await start(3, days);
    const msgs = sim.messages();
    expect(msgs.every((m) => m.at <= NOW && m.at > NOW - (days + 1) * 86_400_000)).toBe(true);
    expect(msgs.every((m) => m.ownerId === sim.loggedInUserId)).toBe(true);

    // Weekday-heavy: ~13 a weekday, ~1 a weekend day.
    const perDate = new Map<string, number>();
    for (const m of msgs) perDate.set(localDate(m.at, TZ), (perDate.get(localDate(m.at, TZ)) ?? 0) + 1);
    let weekday = 0;
    let weekend = 0;
    for (const [date, n] of perDate) {
      const { year, month, day } = parseDate(date);
      const dow = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
      if (dow === 0 || dow === 6) weekend += n;
      else weekday += n;
    }
    const weekdayMean = weekday / ((days * 5) / 7);
    const weekendMean = weekend / ((days * 2) / 7);
    expect(weekdayMean).toBeGreaterThan(9);
    expect(weekdayMean).toBeLessThan(18);
    expect(weekendMean).toBeLessThan(3);

    const confirms = msgs.filter((m) => m.body.startsWith('CONFIRM - '));
    expect(confirms.length / msgs.length).toBeGreaterThan(0.09);
    expect(confirms.length / msgs.length).toBeLessThan(0.17);
    for (const c of confirms) {
      expect(c.body).toMatch(
        /^CONFIRM - (?:(?:Personal Training|Small Group Training|Appointment|Fitness Consultation|Meeting) at \d{1,2}:\d{2} [AP]M on [A-Z][a-z]{2} \d{1,2}, \d{4} has been confirmed\.|No event was found so nothing has been confirmed\.)$/,
      );
    }
    const stops = share(msgs, (m) => m.body === 'STOP - OPT OUT message received.  Texting has been disabled.');
    expect(stops).toBeGreaterThan(0.05);
    expect(stops).toBeLessThan(0.11);
    expect(msgs.some((m) => m.body === 'START - OPT IN message received.  Texting has been enabled.')).toBe(true);
    expect(msgs.some((m) => m.body === 'CANCEL - OPT OUT message received.  Texting has been disabled.')).toBe(true);

    const emoji = share(msgs, (m) => /\p{Extended_Pictographic}/u.test(m.body));
    expect(emoji).toBeGreaterThan(0.02);
    expect(emoji).toBeLessThan(0.07);
    const multiline = share(msgs, (m) => m.body.includes('\n'));
    expect(multiline).toBeGreaterThan(0.03);
    expect(multiline).toBeLessThan(0.08);
    const spanish = share(msgs, (m) => /[¿¡ñáéíóú]|\bHola\b|\bGracias\b/.test(m.body));
    expect(spanish).toBeGreaterThan(0.003);
    expect(spanish).toBeLessThan(0.03);

    // Exact duplicates: same sender, body and time, listed next to each other.
    let dups = 0;
    for (let i = 1; i < msgs.length; i++) {
      const [p, q] = [msgs[i - 1]!, msgs[i]!];
      if (p.at === q.at && p.body === q.body && p.memberId === q.memberId) dups++;
    }
    expect(dups / msgs.length).toBeGreaterThan(0.008);
    expect(dups / msgs.length).toBeLessThan(0.03);

    const topics = (re: RegExp): boolean => msgs.some((m) => re.test(m.body));
    for (const re of [/charge|paid|pay|card/i, /reschedule|move|late/i, /session|trainer|workout/i, /door|fob|key/i, /^(Ok|K|Thanks|Confirmed)$/, /&/, /<3/, /"/]) {
      expect(topics(re)).toBe(true);
    }
    const lengths = msgs.map((m) => m.body.length);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(900);
    expect(lengths.some((n) => n > 300)).toBe(true);

    // A few members (PT clients) text a lot; the typical sender only a few times.
    const perSender = new Map<string, number>();
    for (const m of msgs) perSender.set(m.memberId, (perSender.get(m.memberId) ?? 0) + 1);
    const counts = [...perSender.values()].sort((x, y) => y - x);
    expect(counts[0]! / msgs.length).toBeGreaterThan(0.025);
    expect(counts[Math.floor(counts.length / 2)]!).toBeLessThanOrEqual(4);
    const names = new Map(sim.members.map((x) => [x.id, `${x.firstName} ${x.lastName}`]));
    for (const m of msgs) expect(m.senderName).toBe(names.get(m.memberId));
  });

  it('derives opt-out state from each member’s STOP / CANCEL / START history', async () => {
    const sim = await start(5, 200);
    const oldestFirst = [...sim.messages()].reverse();
    const expected = new Map<string, boolean>();
    for (const m of oldestFirst) {
      if (/^(STOP|CANCEL) - OPT OUT/.test(m.body)) expected.set(m.memberId, true);
      if (/^START - OPT IN/.test(m.body)) expected.set(m.memberId, false);
    }
    let optedOut = 0;
    for (const member of sim.members) {
      expect(sim.isOptedOut(member.id)).toBe(expected.get(member.id) ?? false);
      if (sim.isOptedOut(member.id)) optedOut++;
    }
    expect(optedOut).toBeGreaterThan(0);
    expect(optedOut / sim.members.length).toBeLessThan(0.4);
  });

  it('writes every history text into the FollowUp log, with staff replies by staff short names', async () => {
    const sim = await start(9, 60);
    const staffShort = new Set(sim.staff.map((s) => `${s.name.split(' ')[0]} ${s.name.split(' ')[1]![0]}.`));
    let outbound = 0;
    for (const member of sim.members) {
      const log = sim.followUpLog(member.id);
      const inbound = log.filter((e) => e.direction === 'inbound');
      const texts = sim.messages().filter((m) => m.memberId === member.id);
      expect(inbound.map((e) => e.body)).toEqual(texts.map((m) => m.body));
      for (const e of inbound) expect(e.author).toBe(`${member.firstName} ${member.lastName[0]}.`);
      for (const e of log.filter((x) => x.direction === 'outbound')) {
        outbound++;
        expect(staffShort.has(e.author)).toBe(true);
        expect(e.at).toBeLessThanOrEqual(NOW);
      }
      for (let i = 1; i < log.length; i++) expect(log[i - 1]!.at).toBeGreaterThanOrEqual(log[i]!.at);
    }
    expect(outbound).toBeGreaterThan(20);
  });

  it('live mode adds a realistic inbound text every interval until stopped', async () => {
    const clock = manualClock(NOW);
    const sim = await startSimulator({ clock, members: 50 });
    sims.push(sim);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    sim.startLive(5_000);
    vi.advanceTimersByTime(4_999);
    expect(sim.messages()).toHaveLength(0);
    vi.advanceTimersByTime(1);
    clock.advance(60_000);
    vi.advanceTimersByTime(5_000);
    const [second, first] = sim.messages();
    expect([first!.at, second!.at]).toEqual([NOW, NOW + 60_000]);
    expect(sim.followUpLog(second!.memberId)[0]).toMatchObject({ body: second!.body, direction: 'inbound', at: NOW + 60_000 });
    sim.faults.set('duplicateMessages', { times: 1 });
    vi.advanceTimersByTime(5_000);
    expect(sim.messages()).toHaveLength(4);
    sim.stopLive();
    vi.advanceTimersByTime(60_000);
    expect(sim.messages()).toHaveLength(4);
    expect(() => sim.startLive(0)).toThrow();
  });
});
