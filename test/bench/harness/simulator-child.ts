// The ClubOS simulator in a process of its own, so serving a 100,000-row page (rendered in the
// simulator) never shows up as lag in the process being measured, as real ClubOS would not.
// Started by simulator-process.ts; speaks simulator-messages.ts over the IPC channel.
import { startSimulator } from '../../../main/clubos-simulator';
import { lowerPriority } from '../../../main/sync-worker/lower-priority';
import { generateTraffic } from '../data/inbox-traffic';
import { fromSimulatorSchema, simulatorConfigSchema, toSimulatorSchema, type FromSimulator } from './simulator-messages';

function send(message: FromSimulator): void {
  process.send?.(fromSimulatorSchema.parse(message));
}

async function main(): Promise<void> {
  const config = simulatorConfigSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  if (config.background) {
    const failures = lowerPriority();
    if (failures.length > 0) throw new Error(`the simulator could not lower its priority: ${failures.join('; ')}`);
  }
  const sim = await startSimulator({ seed: config.seed, members: config.members, history: false });
  const ids = sim.members.map((m) => m.id);
  if (config.messages > 0) {
    const traffic = generateTraffic({ seed: config.seed, messages: config.messages, members: config.members, days: config.days, end: Date.now(), timeZone: sim.timeZone });
    for (const t of traffic) sim.addInbound({ memberId: ids[t.member]!, body: t.body, at: t.at });
  }
  process.on('message', (raw: unknown) => {
    const message = toSimulatorSchema.parse(raw);
    if (message.type === 'close') {
      sim.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
      return;
    }
    sim.addInbound({ memberId: ids[message.member % ids.length]!, body: message.body });
    send({ type: 'added', requestId: message.requestId });
  });
  send({ type: 'ready', baseUrl: sim.baseUrl, loggedInUserId: sim.loggedInUserId, inboxRows: sim.messages().length });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
