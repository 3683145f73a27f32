import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { memoryLogger } from '../../common/log/logger';
import { applyLaunchAtLogin, autostartEntry, AUTOSTART_FILE } from '../../main/shell/launch-at-login';

const dir = mkdtempSync(join(tmpdir(), 'frontdesk-autostart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = (platform: NodeJS.Platform, packaged = true) => ({
  app: { setLoginItemSettings: vi.fn() },
  platform,
  packaged,
  autostartDir: join(dir, `${platform}-${packaged ? 'packaged' : 'dev'}`, 'autostart'),
  executable: '/opt/Front Desk/frontdesk',
  logger: memoryLogger(),
});

describe('launch at login', () => {
  it.each(['darwin', 'win32'] as const)('uses the login item API on %s', (platform) => {
    const o = options(platform);
    applyLaunchAtLogin(true, o);
    applyLaunchAtLogin(false, o);
    expect(o.app.setLoginItemSettings.mock.calls).toEqual([[{ openAtLogin: true }], [{ openAtLogin: false }]]);
  });

  it('writes and removes an autostart entry on Linux', () => {
    const o = options('linux');
    const file = join(o.autostartDir, AUTOSTART_FILE);
    applyLaunchAtLogin(true, o);
    expect(readFileSync(file, 'utf8')).toBe(autostartEntry('/opt/Front Desk/frontdesk'));
    applyLaunchAtLogin(false, o);
    expect(existsSync(file)).toBe(false);
    applyLaunchAtLogin(false, o);
    expect(o.app.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('quotes the executable as the desktop entry spec asks', () => {
    expect(autostartEntry('/home/a"b/$HOME/x\\y`z')).toContain('Exec="/home/a\\"b/\\$HOME/x\\\\y\\`z"\n');
  });

  it('leaves a development run alone', () => {
    const o = options('linux', false);
    applyLaunchAtLogin(true, o);
    expect(existsSync(o.autostartDir)).toBe(false);
    const mac = options('darwin', false);
    applyLaunchAtLogin(true, mac);
    expect(mac.app.setLoginItemSettings).not.toHaveBeenCalled();
  });
});
