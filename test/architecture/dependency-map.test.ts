// The dependency map (.dependency-cruiser.cjs) is only worth something if a wrong arrow fails
// `npm run lint`. These tests run the same command on a scratch copy of the folder layout with
// one import each, so a rule that silently stopped matching shows up here.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, '../..');
const DEPCRUISE = join(REPO, 'node_modules/.bin/depcruise');
const APP_FOLDERS = ['common', 'db', 'main', 'preload', 'renderer'];

let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'frontdesk-depmap-'));
  cpSync(join(REPO, '.dependency-cruiser.cjs'), join(scratch, '.dependency-cruiser.cjs'));
  cpSync(join(REPO, 'tsconfig.base.json'), join(scratch, 'tsconfig.base.json'));
  writeFileSync(join(scratch, 'tsconfig.node.json'), JSON.stringify({ extends: './tsconfig.base.json', include: ['**/*.ts'] }));
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes `files` into a fresh project folder and runs the lint step's dependency check on it. */
async function check(files: Record<string, string>): Promise<{ failed: boolean; output: string }> {
  const root = mkdtempSync(join(scratch, 'case-'));
  for (const name of ['.dependency-cruiser.cjs', 'tsconfig.base.json', 'tsconfig.node.json']) cpSync(join(scratch, name), join(root, name));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const folders = APP_FOLDERS.filter((f) => Object.keys(files).some((p) => p.startsWith(`${f}/`)));
  try {
    const { stdout, stderr } = await run(DEPCRUISE, ['--config', '.dependency-cruiser.cjs', '--output-type', 'err', ...folders], { cwd: root });
    return { failed: false, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { failed: true, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

// Each case starts dependency-cruiser once (a few seconds on a busy machine).
describe('the dependency map', { timeout: 60_000 }, () => {
  it('accepts imports that point down the layers', async () => {
    const result = await check({
      'common/contract.ts': 'export const channel = 1;\n',
      'db/queries.ts': "import { channel } from '../common/contract';\nexport const q = channel;\n",
      'main/sync/engine.ts': "import type { Row } from '../../db/types';\nexport type R = Row;\n",
      'db/types.ts': 'export interface Row { id: number }\n',
      'renderer/src/app.ts': "import { channel } from '../../common/contract';\nexport const a = channel;\n",
    });
    expect(result.output).not.toMatch(/error/);
    expect(result.failed).toBe(false);
  });

  it('fails on an import that points up: db importing the sync engine', async () => {
    const result = await check({
      'main/sync/engine.ts': 'export const poll = 1;\n',
      'db/queries.ts': "import { poll } from '../main/sync/engine';\nexport const q = poll;\n",
    });
    expect(result.failed).toBe(true);
    expect(result.output).toContain('db-imports: db/queries.ts → main/sync/engine.ts');
  });

  it('fails when the renderer imports main-process code', async () => {
    const result = await check({
      'main/intents/catalog.ts': 'export const intents = [];\n',
      'renderer/src/tag.ts': "import { intents } from '../../main/intents/catalog';\nexport const t = intents;\n",
    });
    expect(result.failed).toBe(true);
    expect(result.output).toContain('renderer-imports: renderer/src/tag.ts → main/intents/catalog.ts');
  });

  it('fails when the bottom layer imports anything of the app', async () => {
    const result = await check({
      'main/core/app-error.ts': 'export class AppError extends Error {}\n',
      'common/errors.ts': "export { AppError } from '../main/core/app-error';\n",
    });
    expect(result.failed).toBe(true);
    expect(result.output).toContain('common-imports: common/errors.ts → main/core/app-error.ts');
  });

  it('fails when sync takes more than types from db/', async () => {
    const result = await check({
      'db/open.ts': 'export function openDatabase(): void {}\n',
      'main/sync/engine.ts': "import { openDatabase } from '../../db/open';\nopenDatabase();\n",
    });
    expect(result.failed).toBe(true);
    expect(result.output).toContain('sync-reads-only-db-types');
  });

  it('fails when the simulator and the client share code', async () => {
    const result = await check({
      'main/clubos/parse.ts': 'export const parse = 1;\n',
      'main/clubos-simulator/render.ts': "import { parse } from '../clubos/parse';\nexport const r = parse;\n",
    });
    expect(result.failed).toBe(true);
    expect(result.output).toContain('clubos-simulator-imports');
  });

  it('fails on a Node built-in in code the renderer shares', async () => {
    const result = await check({ 'common/clock.ts': "import { hrtime } from 'node:process';\nexport const now = hrtime;\n" });
    expect(result.failed).toBe(true);
    expect(result.output).toContain('no-node-builtins-in-shared-or-window-code');
  });

  it('fails when code outside the shell imports Electron', async () => {
    const result = await check({ 'main/sync/engine.ts': "import { app } from 'electron';\nexport const a = app;\n" });
    expect(result.failed).toBe(true);
    expect(result.output).toContain('electron-only-in-the-shell');
  });

  it('passes on the repository itself (what npm run lint checks)', async () => {
    const { stdout } = await run(DEPCRUISE, ['--config', '.dependency-cruiser.cjs', '--output-type', 'err', ...APP_FOLDERS], { cwd: REPO });
    expect(stdout).toMatch(/no dependency violations found/);
  });
});
