// A ClubOS client that answers every inbox request with one parsed snapshot: the idle-poll
// figure times the engine's reconcile path alone, without the network and the parse (timed
// separately); and the same bench client around any other way of reading the inbox (benchClient).
// Any other call is a benchmark bug.
import type { ClubContext, ClubOSClient, InboxSnapshot } from '../../../main/clubos/types';
import { BENCH_OWNER_ID, BENCH_TIME_ZONE } from './bench-constants';

export const BENCH_CLUB_CONTEXT: ClubContext = {
  clubId: '512',
  clubLocationId: '1024',
  timeZone: BENCH_TIME_ZONE,
  timeZoneSource: 'clubos',
  loggedInUserId: BENCH_OWNER_ID,
  loggedInUserName: 'Alex Morgan',
  actingUser: { id: BENCH_OWNER_ID, name: 'Alex Morgan' },
  staff: [{ id: BENCH_OWNER_ID, name: 'Alex Morgan' }],
  locations: [{ id: '1024', name: 'Springfield - Main St' }],
  owners: [{ id: BENCH_OWNER_ID, name: 'My Messages', kind: 'employee' }],
};

export function snapshotClient(snapshot: InboxSnapshot): ClubOSClient {
  return benchClient(() => Promise.resolve(snapshot));
}

/** A client whose inbox is read by `getInbox`, signed in to the bench club; nothing else is called. */
export function benchClient(getInbox: ClubOSClient['getInbox']): ClubOSClient {
  const unused = (name: string) => (): Promise<never> => Promise.reject(new Error(`the benchmark does not call ${name}`));
  return {
    getInbox,
    getClubContext: () => Promise.resolve(BENCH_CLUB_CONTEXT),
    signIn: () => Promise.resolve(BENCH_CLUB_CONTEXT),
    getHistory: unused('getHistory'),
    send: unused('send'),
    searchMember: unused('searchMember'),
    signOut: () => Promise.resolve(),
  };
}
