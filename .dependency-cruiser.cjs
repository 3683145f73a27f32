// The map of Frontdesk's parts and the directions their imports may point (ARCHITECTURE.md says
// why). `npm run lint` checks every import of the app against it with dependency-cruiser; a new
// arrow that is not listed here fails the build.
//
// Each part names the parts it may import besides itself. Anything not listed is forbidden.
// Tests (test/) may import every part; no part may import a test.

/** @type {Record<string, { path: string, may: string[], why: string }>} */
const parts = {
  common: {
    path: '^common/',
    may: [],
    why: 'the bottom layer: IPC contract, intent catalog, typed errors, events, Logger/Clock, id patterns',
  },
  db: { path: '^db/', may: ['common'], why: 'storage: schema, migrations, every query; its own record types' },
  clubos: { path: '^main/clubos/', may: ['common'], why: 'the ClubOS client: pages in, typed rows or typed errors out' },
  'clubos-simulator': {
    path: '^main/clubos-simulator/',
    may: ['common'],
    why: 'a fake ClubOS server (demo mode, tests, benchmarks); shares nothing with the client but MARKUP.md',
  },
  crash: { path: '^main/crash/', may: ['common'], why: 'when to stop restarting what keeps crashing (Mailspring\'s policy)' },
  'deep-link': { path: '^main/deep-link/', may: ['common'], why: 'frontdesk:// links, parsed strictly' },
  update: { path: '^main/update/', may: ['common'], why: "the auto-updater's state machine and schedule, over an injected updater" },
  sync: { path: '^main/sync/', may: ['common', 'db', 'clubos', 'crash'], why: 'one poll loop per owner and reconciliation' },
  intents: { path: '^main/intents/', may: ['common'], why: 'classification and suggested replies, pure functions' },
  ingest: {
    path: '^main/ingest/',
    may: ['common', 'db', 'clubos', 'sync', 'intents'],
    why: 'ClubOS rows (inbox, history) into stored messages and conversations',
  },
  outreach: {
    path: '^main/outreach/',
    may: ['common', 'db', 'clubos', 'intents', 'ingest'],
    why: 'the outbox every text goes through, scheduled texts, reminders, campaigns and waiting rules',
  },
  import: {
    path: '^main/import/',
    may: ['common', 'db', 'clubos', 'sync', 'intents', 'ingest', 'services'],
    why: "the gym bot importer: reads its SQLite file, matches with sync's own keys and reconciliation, writes like ingest",
  },
  team: {
    path: '^main/team/',
    may: ['common', 'db'],
    why: 'the link to a team store (PostgreSQL): its migrations, the push/pull of shared changes, poll leases, presence',
  },
  services: {
    path: '^main/services/',
    may: ['common', 'db', 'clubos', 'clubos-simulator', 'sync', 'intents', 'ingest', 'outreach', 'team'],
    why: 'one service per feature; each owns its writes and emits its change events',
  },
  'sync-worker': {
    path: '^main/sync-worker/',
    may: ['common', 'db', 'clubos', 'sync', 'crash', 'services'],
    why: "the sync engine in a process of its own with its own connection, and the main process's side of it",
  },
  notifications: { path: '^main/notifications/', may: ['common'], why: 'which new messages notify, and how they read' },
  ipc: {
    path: '^main/ipc/',
    may: ['common', 'services', 'shell-url-policy'],
    why: 'the thin adapter from contract channels to service methods, and the event push',
  },
  core: {
    path: '^main/core/',
    may: ['common', 'db', 'services', 'ipc', 'import', 'outreach', 'sync-worker', 'team'],
    why: 'the composition root: builds the database, the services and the handlers',
  },
  log: { path: '^main/log/', may: ['common'], why: 'Logger implementations that need Node' },
  'shell-url-policy': {
    path: '^main/shell/web-security\\.ts$',
    may: [],
    why: "the app's own URL policy, shared by the window guard and the IPC sender check",
  },
  shell: {
    path: '^main/shell/',
    may: ['common', 'core', 'services', 'notifications', 'ipc', 'log', 'import', 'update', 'crash', 'deep-link', 'sync', 'sync-worker'],
    why: "the thin Electron wiring: window, tray, menu, notifications, credentials, logging, updates, crash recovery, deep links, import dialog, the sync worker's utility process",
  },
  entry: {
    path: '^main/index\\.ts$',
    may: ['common', 'core', 'services', 'ipc', 'shell', 'log', 'crash'],
    why: 'the Electron entry point',
  },
  preload: { path: '^preload/', may: ['common'], why: 'window.frontdesk, built from the contract' },
  renderer: { path: '^renderer/', may: ['common'], why: 'the React window; sees nothing but the contract' },
};

const APP = '^(common|db|main|preload|renderer)/';

/** Paths a part may import: its own and those of the parts it names (and their sub-parts). */
function allowedPaths(name) {
  return [parts[name].path, ...parts[name].may.map((other) => parts[other].path)];
}

/** Sub-parts that live inside another part's folder (the URL policy inside the shell). */
function nestedIn(name) {
  const prefix = parts[name].path.replace(/\$$/, '');
  return Object.entries(parts)
    .filter(([other, part]) => other !== name && part.path.startsWith(prefix) && part.path !== parts[name].path)
    .map(([, part]) => part.path);
}

const partRules = Object.entries(parts).map(([name, part]) => ({
  name: `${name}-imports`,
  comment: `${name} (${part.why}) may import only: ${part.may.length > 0 ? part.may.join(', ') : 'nothing of the app'}`,
  severity: 'error',
  from: { path: part.path, pathNot: nestedIn(name) },
  to: { path: APP, pathNot: allowedPaths(name) },
}));

module.exports = {
  forbidden: [
    ...partRules,
    {
      name: 'no-imports-from-tests',
      comment: 'the app never imports test code',
      severity: 'error',
      from: { path: APP },
      to: { path: '^test/' },
    },
    {
      name: 'electron-only-in-the-shell',
      comment: 'Electron is imported only by the entry point, the shell and the preload, so everything else runs under plain Node',
      severity: 'error',
      from: { path: APP, pathNot: ['^main/index\\.ts$', '^main/shell/', '^preload/index\\.ts$'] },
      to: { path: '^electron$|node_modules/electron/' },
    },
    {
      name: 'no-node-builtins-in-shared-or-window-code',
      comment: 'common/ also runs in the renderer and the sandboxed preload, where Node is not available',
      severity: 'error',
      from: { path: '^(common|renderer|preload)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'sync-reads-only-db-types',
      comment: 'the sync engine reaches storage through its SyncStore port; from db/ it takes types only',
      severity: 'error',
      from: { path: parts.sync.path },
      to: { path: parts.db.path, dependencyTypesNot: ['type-only', 'type-import'] },
    },
    {
      name: 'no-unresolvable-imports',
      comment: 'an import that does not resolve is a typo or a deleted file',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|out|dist)/' },
    // Type-only imports are arrows too: a type from above is still a dependency on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
