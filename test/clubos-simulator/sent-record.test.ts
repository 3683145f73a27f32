// The simulator's record of what ClubOS accepted, and the lost-answer fault the outbox is tested with.
import { afterEach, describe, expect, it } from 'vitest';
import { createClubOSClient } from '../../main/clubos/client';
import { isClubOSError } from '../../common/errors/clubos-error';
import { startSimulator, type ClubOSSimulator } from '../../main/clubos-simulator';
import { silentLogger } from '../../common/log/logger';
import { manualClock } from '../../common/time/manual-clock';

let sim: ClubOSSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function setUp() {
  const clock = manualClock(Date.UTC(2026, 11, 7, 16));
  sim = await startSimulator({ clock, seed: 3, members: 5, history: false });
  const client = createClubOSClient({ baseUrl: sim.baseUrl, username: 'demo', password: 'demo', clock, logger: silentLogger, timeoutMs: 2_000 });
  return { sim, client };
}

describe('the simulator record of sent texts', () => {
  it('records each accepted send once, in order, and nothing ClubOS refused', async () => {
    const { sim, client } = await setUp();
    const [a, b] = sim.members;
    await client.send({ memberId: a!.id, channel: 'sms', body: 'One' });
    await client.send({ memberId: b!.id, channel: 'email', body: 'Two' });
    sim.addInbound({ memberId: a!.id, body: 'STOP' });
    await expect(client.send({ memberId: a!.id, channel: 'sms', body: 'Three' })).rejects.toThrow(/opted out/);
    sim.faults.set('somethingNotRight', { times: 1 });
    await expect(client.send({ memberId: b!.id, channel: 'sms', body: 'Four' })).rejects.toThrow();
    expect(sim.sentTexts().map((s) => [s.memberId, s.channel, s.body])).toEqual([
      [a!.id, 'sms', 'One'],
      [b!.id, 'email', 'Two'],
    ]);
    expect(sim.sentTexts(b!.id)).toHaveLength(1);
    expect(() => sim.sentTexts('999999999')).toThrow(/unknown member/);
  });

  it('answerLost: the send is carried out and logged, but the client gets no answer', async () => {
    const { sim, client } = await setUp();
    const [a] = sim.members;
    sim.faults.set('answerLost', { times: 1 });
    const error = await client.send({ memberId: a!.id, channel: 'sms', body: 'Lost answer' }).catch((e: unknown) => e);
    expect(isClubOSError(error) && ['network', 'timeout'].includes(error.kind)).toBe(true);
    expect(sim.sentTexts().map((s) => s.body)).toEqual(['Lost answer']);
    expect(sim.followUpLog(a!.id)[0]).toMatchObject({ body: 'Lost answer', direction: 'outbound' });
    expect(sim.faults.fired.answerLost).toBe(1);
    // Only the save is affected by default: reading the history works.
    expect((await client.getHistory(a!.id)).entries[0]?.body).toBe('Lost answer');
  });
});
