// How much data each figure works on: the full sizes the issue asks for, and the quick ones
// CI runs so the benchmark code keeps working (its figures mean little at that size).

export interface BenchSizes {
  ingest: { messages: number; members: number; days: number };
  idlePoll: { rows: number; members: number; days: number; runs: number };
  database: { messages: number; conversations: number; days: number };
  queryRuns: number;
  push: { inboxRows: number; members: number; days: number; runs: number };
  lag: { messages: number; members: number; days: number };
  scaling: { sizes: number[]; members: number; days: number; runs: number };
  team: { desks: number; changesPerDesk: number; seedConversations: number; probeEveryMs: number; pacedPerDeskPerSecond: number; pacedSeconds: number };
}

export const FULL_SIZES: BenchSizes = {
  ingest: { messages: 100_000, members: 5_000, days: 1_095 },
  // A real manager's inbox listed 2,468 rows over 7.5 months (protocol §7.1): 5,000 is a busy one.
  idlePoll: { rows: 5_000, members: 400, days: 210, runs: 50 },
  database: { messages: 1_000_000, conversations: 50_000, days: 1_826 },
  queryRuns: 200,
  push: { inboxRows: 5_000, members: 400, days: 210, runs: 40 },
  lag: { messages: 100_000, members: 2_000, days: 1_095 },
  scaling: { sizes: [1_000, 5_000, 20_000, 75_000], members: 3_000, days: 730, runs: 20 },
  // Issue 19: 12 desks as processes on this machine, each writing 1,000 staff changes at once.
  team: { desks: 12, changesPerDesk: 1_000, seedConversations: 300, probeEveryMs: 100, pacedPerDeskPerSecond: 2, pacedSeconds: 10 },
};

export const QUICK_SIZES: BenchSizes = {
  ingest: { messages: 10_000, members: 500, days: 365 },
  idlePoll: { rows: 2_000, members: 200, days: 120, runs: 10 },
  database: { messages: 20_000, conversations: 1_000, days: 365 },
  queryRuns: 20,
  push: { inboxRows: 1_000, members: 100, days: 60, runs: 10 },
  lag: { messages: 10_000, members: 500, days: 365 },
  scaling: { sizes: [500, 1_000, 2_000, 4_000], members: 200, days: 120, runs: 3 },
  team: { desks: 3, changesPerDesk: 40, seedConversations: 20, probeEveryMs: 100, pacedPerDeskPerSecond: 2, pacedSeconds: 1 },
};
