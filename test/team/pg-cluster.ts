// A throwaway PostgreSQL cluster for tests: initdb in a temp folder, listening on 127.0.0.1 only
// at a free port, its socket in the same folder; password auth (scram) like a real team server.
// initdb and postgres refuse to run as root, so as root (CI) they run as the `postgres` user
// (Debian's package creates it), else `nobody`, through runuser.
// Missing binaries: the tests skip with a loud message, except in CI (CI=true), where they fail.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEAM_PASSWORD = 'team-secret-pw';
export const TEAM_USER = 'frontdesk';

export interface PgCluster {
  readonly port: number;
  readonly dir: string;
  /** `postgres://frontdesk:…@127.0.0.1:port/<database>` */
  url(database?: string): string;
  createDatabase(name: string): void;
  /** Stops the server (`fast` by default; `immediate` is a crash). */
  stopServer(mode?: 'fast' | 'immediate'): void;
  startServer(): void;
  /** Stops the server and removes the folder. Idempotent. */
  destroy(): void;
}

/** Where Debian's PostgreSQL binaries are, or null. */
export function findPgBinDir(): string | null {
  const fromEnv = process.env.PG_BINDIR;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0) {
    const dir = pgConfig.stdout.trim();
    if (existsSync(join(dir, 'initdb'))) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  return null;
}

/**
 * The binaries or a loud skip. In CI a missing PostgreSQL is a failure: `.ci/run` installs it.
 */
export function pgAvailable(what: string): boolean {
  const bin = findPgBinDir();
  if (bin) return true;
  const message = `\n\n*** ${what}: SKIPPED — PostgreSQL binaries not found (initdb). Install Debian's postgresql package (apt-get install postgresql) or set PG_BINDIR. ***\n\n`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(message);
  return false;
}

function runAsUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  const hasUser = (name: string): boolean => spawnSync('id', ['-u', name]).status === 0;
  if (hasUser('postgres')) return 'postgres';
  if (hasUser('nobody')) return 'nobody';
  throw new Error('running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = findPgBinDir();
  if (!bin) throw new Error('PostgreSQL binaries not found');
  const user = runAsUser();
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-pg-'));
  const data = join(dir, 'data');
  const uid = user ? Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim()) : null;
  const gid = user ? Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim()) : null;
  if (uid !== null && gid !== null) {
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const run = (cmd: string, args: string[]): void => {
    const argv = user ? ['runuser', ['-u', user, '--', join(bin, cmd), ...args]] as const : [join(bin, cmd), args] as const;
    const result = spawnSync(argv[0], argv[1], { encoding: 'utf8', cwd: dir, timeout: 60_000 });
    if (result.status !== 0) throw new Error(`${cmd} failed (${result.status}): ${result.stderr || result.stdout}`);
  };
  const port = await freePort();
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, `${TEAM_PASSWORD}\n`, { mode: 0o600 });
  if (uid !== null && gid !== null) chownSync(pwfile, uid, gid);
  let running = false;
  const cluster: PgCluster = {
    port,
    dir,
    url: (database = 'frontdesk') => `postgres://${TEAM_USER}:${TEAM_PASSWORD}@127.0.0.1:${port}/${database}`,
    createDatabase(name) {
      run('createdb', ['-h', dir, '-p', String(port), '-U', TEAM_USER, name]);
    },
    stopServer(mode = 'fast') {
      if (!running) return;
      running = false;
      run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
    },
    startServer() {
      if (running) return;
      run('pg_ctl', [
        '-D',
        data,
        '-l',
        join(dir, 'log'),
        '-w',
        '-t',
        '60',
        '-o',
        `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c full_page_writes=off -c max_connections=100`,
        'start',
      ]);
      running = true;
    },
    destroy() {
      try {
        cluster.stopServer('immediate');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    run('initdb', ['-D', data, '-U', TEAM_USER, '--pwfile', pwfile, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-sync', '--locale=C']);
    cluster.startServer();
    cluster.createDatabase('frontdesk');
  } catch (error) {
    cluster.destroy();
    throw error;
  }
  // A test process that dies still takes its cluster down.
  process.once('exit', () => cluster.destroy());
  return cluster;
}
