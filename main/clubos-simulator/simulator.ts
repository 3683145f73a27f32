// Builds one simulated ClubOS: the seeded club and history, the HTTP server, and the control
// surface tests and the demo use.
import { z } from 'zod';
import { createFaults } from './faults';
import type { FaultController } from './faults';
import { generateHistory } from './generator';
import { createLiveMode } from './live-mode';
import { createMessageComposer } from './message-composer';
import { deriveSeed } from './mulberry32';
import { createRandom } from './random';
import { generateRoster, shortName } from './roster';
import { startServer } from './server';
import { createSessionStore } from './session-store';
import { resolveOptions } from './simulator-options';
import { createState } from './state';
import type { SimState } from './state';
import { createTokenSource } from './tokens';
import type { ClubOSSimulator, SimMessage, SimulatorOptions } from './types';

const inboundSchema = z
  .object({
    memberId: z.string().min(1),
    body: z.string().min(1),
    at: z.number().finite().optional(),
    ownerId: z.string().min(1).optional(),
  })
  .strict();

/** Delivers a member's text, twice when the `duplicateMessages` fault fires (a real exact duplicate). */
function deliverInbound(state: SimState, faults: FaultController, input: { memberId: string; body: string; at: number; ownerId: string }): SimMessage {
  const first = state.deliver(input);
  if (faults.fire('duplicateMessages', null)) state.deliver(input);
  return first;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<ClubOSSimulator> {
  const opts = resolveOptions(options);
  const { clock, timeZone } = opts;
  const root = createRandom(opts.seed);
  const roster = generateRoster(root.fork('roster'), { members: opts.members, staff: opts.staff });
  const state = createState(roster, timeZone);
  const isOptedOut = (id: string): boolean => state.isOptedOut(id);

  if (opts.historyDays !== null) {
    const rng = root.fork('history');
    const composer = createMessageComposer({ rng: rng.fork('texts'), roster, timeZone, isOptedOut });
    generateHistory(state, composer, rng, { days: opts.historyDays, now: clock.now(), ownerId: state.loggedInUserId });
  }

  const faults = createFaults(deriveSeed(opts.seed, 'faults'));
  const tokens = createTokenSource(root.fork('tokens'));
  const sessions = createSessionStore(tokens);
  const server = await startServer(
    { state, sessions, tokens, faults, clock, credentials: opts.credentials, memberIdsInLinks: opts.memberIdsInLinks, dashboardShape: opts.dashboardShape },
    opts.port,
  );

  const requireMember = (memberId: string): void => {
    if (!state.member(memberId)) throw new RangeError(`unknown member ${memberId}`);
  };
  const requireOwner = (ownerId: string): void => {
    if (!state.isOwner(ownerId)) throw new RangeError(`unknown inbox owner ${ownerId} (not a staff or location id)`);
  };

  const liveComposer = createMessageComposer({ rng: root.fork('live'), roster, timeZone, isOptedOut });
  const live = createLiveMode(() => {
    const at = clock.now();
    const text = liveComposer.next(at);
    deliverInbound(state, faults, { memberId: text.memberId, body: text.body, at, ownerId: state.loggedInUserId });
  });

  const staff = Object.freeze(roster.staff.map((s) => Object.freeze({ id: s.id, name: s.name })));
  const members = Object.freeze(
    roster.members.map((m) => Object.freeze({ id: m.id, firstName: m.firstName, lastName: m.lastName, email: m.email, mobilePhone: m.mobilePhone })),
  );

  return {
    baseUrl: server.baseUrl,
    timeZone,
    dashboardShape: opts.dashboardShape,
    loggedInUserId: state.loggedInUserId,
    staff,
    members,
    clubId: roster.clubId,
    locations: Object.freeze(roster.locations.map((l) => Object.freeze({ id: l.id, name: l.name }))),
    async close() {
      live.stop();
      await server.close();
    },
    addInbound(input) {
      const { memberId, body, at, ownerId = state.loggedInUserId } = inboundSchema.parse(input);
      requireMember(memberId);
      requireOwner(ownerId);
      return deliverInbound(state, faults, { memberId, body, at: at ?? clock.now(), ownerId });
    },
    addStaffReply(input) {
      const { memberId, body, kind = 'text', at = clock.now() } = input;
      requireMember(memberId);
      if (body.trim() === '') throw new Error('a staff reply needs a body');
      const me = state.roster.staff.find((s) => s.id === state.loggedInUserId) ?? state.roster.staff[0];
      const author = input.author ?? (me ? shortName(me) : 'Front D.');
      state.appendLog(memberId, { at, author, kind, body, direction: 'outbound' });
    },
    messages(ownerId = state.loggedInUserId) {
      return state.allMessages(ownerId);
    },
    followUpLog(memberId) {
      requireMember(memberId);
      return state.followUpLog(memberId);
    },
    sentTexts(memberId) {
      if (memberId !== undefined) requireMember(memberId);
      return state.sentTexts(memberId);
    },
    isOptedOut(memberId) {
      requireMember(memberId);
      return state.isOptedOut(memberId);
    },
    clearInbox(ownerId = state.loggedInUserId) {
      state.clearInbox(ownerId);
    },
    expireSessions() {
      sessions.dropAll();
    },
    faults: {
      set: (mode, rule) => faults.set(mode, rule),
      clear: (mode) => faults.clear(mode),
      seed: (n) => faults.seed(n),
      get fired() {
        return faults.fired;
      },
    },
    startLive: (intervalMs) => live.start(intervalMs),
    stopLive: () => live.stop(),
    requestCount: (path) => server.requestCount(path),
  };
}
