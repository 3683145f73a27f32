// The crash soak's child: the real core, signed in to the parent's ClubOS simulator over
// 127.0.0.1, working through the campaigns in its data folder. The parent SIGKILLs it at random
// moments and starts it again; nothing here knows that, as the app would not.
import { createCore } from '../../../main/core/create-core';
import { memoryCredentialStore } from '../../../main/services/credential-store';
import { silentLogger } from '../../../common/log/logger';
import { systemClock } from '../../../common/time/clock';
import { childConfigSchema, fromChildSchema, type FromChild } from './soak-messages';

const say = (message: FromChild): void => {
  process.send?.(fromChildSchema.parse(message));
};

async function main(): Promise<void> {
  const config = childConfigSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  const credentials = memoryCredentialStore();
  await credentials.save({ username: 'demo', password: 'demo', baseUrl: config.baseUrl });
  const core = await createCore({
    dataDir: config.dataDir,
    clock: systemClock,
    logger: silentLogger,
    credentials,
    // This child is bundled into one file, which has no sync worker file beside it; campaigns,
    // not polls, are what this soak kills.
    syncIn: 'main',
    // The simulator carries out a post before it answers, so a second is ample to call a text that is not in the history lost.
    outreach: { settleAfterMs: 1_000, idleMs: 100 },
  });
  core.services.settings.update({ pollIntervalSeconds: 600 });
  const h = core.services.outreach.handlers;
  for (const c of config.create ?? []) {
    const source = c.csv !== undefined ? { kind: 'csv' as const, text: c.csv } : { kind: 'members' as const, members: c.members ?? [] };
    const campaign = await h.createCampaign({ name: c.name, body: c.body, source, ratePerMinute: config.ratePerMinute, sendingHours: null });
    await h.approveCampaign({ campaignId: campaign.id, approvedBy: 'Soak Test' });
  }
  await core.start();
  const { campaigns } = await h.listCampaigns({});
  say({ type: 'ready', campaignIds: campaigns.map((c) => c.id) });

  // Bounded: the parent's own deadline ends a run that never finishes.
  for (;;) {
    const { campaigns: now } = await h.listCampaigns({});
    if (now.length > 0 && now.every((c) => c.state === 'done')) {
      const total = now.reduce((t, c) => ({ sent: t.sent + c.counts.sent, skipped: t.skipped + c.counts.skipped, failed: t.failed + c.counts.failed }), { sent: 0, skipped: 0, failed: 0 });
      await core.close();
      say({ type: 'done', ...total });
      process.exit(0);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

main().catch((error: unknown) => {
  say({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
