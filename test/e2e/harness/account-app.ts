// The real core signed in to a ClubOS simulator the test controls, served to the browser by the
// bridge: real client, real database (in a temp folder), real sync engine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type ClubOSSimulator, type SimMember } from '../../../main/clubos-simulator';
import type { Core, CoreOptions } from '../../../main/core/core';
import { createCore } from '../../../main/core/create-core';
import { memoryCredentialStore } from '../../../main/services/credential-store';
import { memoryLogger, type LogLine, type Logger } from '../../../common/log/logger';
import { systemClock } from '../../../common/time/clock';
import { startBridge, type Bridge } from '../bridge/bridge-server';
import { builtRendererDir } from './renderer-build';

export interface AccountAppOptions {
  seed: number;
  /** Days of generated ClubOS history before "now". */
  historyDays: number;
  /** The core's poll interval (the contract's minimum is 5). */
  pollSeconds: number;
  members?: number;
  /** The background history reads (see main/conversations/history-refresh.ts); off unless given. */
  historyRefresh?: CoreOptions['historyRefresh'];
}

export interface AccountApp {
  sim: ClubOSSimulator;
  core: Core;
  bridge: Bridge;
  logger: Logger & { lines: LogLine[] };
  /** A member with no conversation yet who can be texted; never the same one twice. */
  freshMember(): SimMember;
  close(): Promise<void>;
}

export function memberName(member: SimMember): string {
  return `${member.firstName} ${member.lastName}`;
}

export async function startAccountApp(options: AccountAppOptions): Promise<AccountApp> {
  const rendererDir = builtRendererDir();
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-'));
  const logger = memoryLogger('e2e');
  const cleanups: Array<() => Promise<void> | void> = [() => rmSync(dataDir, { recursive: true, force: true })];
  const close = async (): Promise<void> => {
    // Last opened, first closed: the bridge before the core, the core before its ClubOS.
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };

  try {
    // The system clock: the sync engine's timers are real, and the poll interval is what is tested.
    const sim = await startSimulator({
      clock: systemClock,
      seed: options.seed,
      history: { days: options.historyDays },
      ...(options.members !== undefined ? { members: options.members } : {}),
    });
    cleanups.push(() => sim.close());
    const credentials = memoryCredentialStore();
    await credentials.save({ username: 'demo', password: 'demo', baseUrl: sim.baseUrl });
    const core = await createCore({ dataDir, clock: systemClock, logger, credentials, historyRefresh: options.historyRefresh ?? false });
    cleanups.push(() => core.close());
    await core.handlers.setPollInterval({ seconds: options.pollSeconds });
    const bridge = await startBridge({ core, rendererDir, logger });
    cleanups.push(() => bridge.close());
    await core.start();

    const used = new Set(sim.messages().map((m) => m.memberId));
    const freshMember = (): SimMember => {
      const member = sim.members.find((m) => !used.has(m.id) && !sim.isOptedOut(m.id));
      if (!member) throw new Error('the simulator has no member left without a conversation');
      used.add(member.id);
      return member;
    };
    return { sim, core, bridge, logger, freshMember, close };
  } catch (error) {
    await close();
    throw error;
  }
}
