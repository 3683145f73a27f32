// The `launchAtLogin` setting. macOS and Windows have a login-item API; Linux desktops start
// what `~/.config/autostart` lists, so there it is a .desktop file.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../common/log/logger';

export interface LaunchAtLoginOptions {
  app: { setLoginItemSettings(settings: { openAtLogin: boolean }): void };
  platform: NodeJS.Platform;
  /** A development run has no stable executable to register. */
  packaged: boolean;
  /** Linux: `<appData>/autostart` (appData is `$XDG_CONFIG_HOME` or `~/.config`). */
  autostartDir: string;
  /** Linux: the AppImage path when running from one, else the installed executable. */
  executable: string;
  logger: Logger;
}

export const AUTOSTART_FILE = 'frontdesk.desktop';

/** Quotes one Exec argument as the desktop entry specification asks. */
function desktopExecArg(value: string): string {
  return `"${value.replace(/(["`$\\])/g, '\\$1')}"`;
}

export function autostartEntry(executable: string): string {
  return ['[Desktop Entry]', 'Type=Application', 'Name=Frontdesk', `Exec=${desktopExecArg(executable)}`, 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}

export function applyLaunchAtLogin(enabled: boolean, options: LaunchAtLoginOptions): void {
  if (!options.packaged) {
    options.logger.debug('launch at login is not applied to a development run', { enabled });
    return;
  }
  if (options.platform === 'linux') {
    const file = join(options.autostartDir, AUTOSTART_FILE);
    if (enabled) {
      mkdirSync(options.autostartDir, { recursive: true });
      writeFileSync(file, autostartEntry(options.executable));
    } else {
      rmSync(file, { force: true });
    }
  } else {
    options.app.setLoginItemSettings({ openAtLogin: enabled });
  }
  options.logger.info('launch at login applied', { enabled });
}
