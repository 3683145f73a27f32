// Benchmark traffic as the inbox page the simulator would serve for it.
import { renderInbox } from '../../../main/clubos-simulator/render-inbox';
import type { SimMessage } from '../../../main/clubos-simulator/types';
import type { BenchPerson } from './bench-people';
import type { TrafficMessage } from './inbox-traffic';

export function inboxHtml(traffic: readonly TrafficMessage[], people: readonly BenchPerson[], at: { ownerId: string; now: number; timeZone: string }): string {
  const newestFirst: SimMessage[] = [];
  for (let i = traffic.length - 1; i >= 0; i--) {
    const t = traffic[i]!;
    const person = people[t.member]!;
    newestFirst.push({ id: i + 1, ownerId: at.ownerId, memberId: person.memberId, senderName: person.name, body: t.body, at: t.at });
  }
  return renderInbox(newestFirst, { now: at.now, timeZone: at.timeZone, memberIdsInLinks: true });
}
