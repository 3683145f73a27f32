// Desks for team tests: a database of their own (a Frontdesk desk's), linked to a team store
// through the real PostgreSQL link, with what the link reported collected for assertions.
import { randomUUID } from 'node:crypto';
import type { StaffMember, TeamState } from '../../common/contract';
import { memoryLogger } from '../../common/log/logger';
import { systemClock } from '../../common/time/clock';
import type { FrontdeskDb } from '../../db';
import { pgTeamLink } from '../../main/team/pg-link';
import type { AppliedEffects, TeamLink, TeamLinkStatus } from '../../main/team/team-link';
import type { PresenceSignal } from '../../main/team/types';
import { memoryDb, OWNER, withOwners } from '../db/helpers';

export interface TestDesk {
  db: FrontdeskDb;
  deskId: string;
  staff: StaffMember;
  link: TeamLink;
  applied: AppliedEffects[];
  presence: PresenceSignal[];
  statuses: TeamLinkStatus[];
  leaseChanges: number;
  state(): TeamState;
  close(): Promise<void>;
}

export async function waitFor(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function openDesk(url: string, staff: StaffMember, options: { leaseMs?: number; ownerIds?: string[] } = {}): Promise<TestDesk> {
  const { db } = memoryDb();
  withOwners(db, ...(options.ownerIds ?? [OWNER]));
  db.team.setIdentity(staff);
  db.team.setCapturing(true);
  const deskId = randomUUID();
  const desk: TestDesk = {
    db,
    deskId,
    staff,
    applied: [],
    presence: [],
    statuses: [],
    leaseChanges: 0,
    state: () => desk.statuses.at(-1)?.state ?? 'connecting',
    link: null as unknown as TeamLink,
    async close() {
      await desk.link.close();
      db.close();
    },
  };
  desk.link = pgTeamLink({
    connectionString: url,
    deskId,
    db,
    me: () => staff,
    clock: systemClock,
    logger: memoryLogger('team-test'),
    leaseMs: () => options.leaseMs ?? 4000,
    ownerIds: () => options.ownerIds ?? [OWNER],
    onStatus: (s) => desk.statuses.push(s),
    onApplied: (e) => desk.applied.push(e),
    onPresence: (p) => desk.presence.push(p),
    onLeasesChanged: () => desk.leaseChanges++,
  });
  desk.link.start();
  await waitFor(`${staff.name}'s desk online`, () => desk.state() === 'online');
  return desk;
}

/** Every desk pushes, then every desk pulls what the others pushed. */
export async function settle(...desks: TestDesk[]): Promise<void> {
  for (const d of desks) await d.link.flush();
  for (const d of desks) await d.link.flush();
}
