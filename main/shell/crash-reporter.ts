// Electron's crashReporter: native crashes (main, renderer, GPU) write minidumps to the local
// `crashDumps` folder. Nothing is uploaded unless the user names their own collector (any
// server speaking the Crashpad/Breakpad upload protocol, such as a self-hosted Sentry or
// mini-breakpad-server) in `<userData>/crash-reports.json` as `{ "uploadUrl": "https://…" }`, or
// in FRONTDESK_CRASH_REPORT_URL. It is read before the app is ready, which is why it is a file
// and not a setting in the database.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CrashReporter } from 'electron';
import { z } from 'zod';
import type { Logger } from '../../common/log/logger';

export const CRASH_REPORT_SETTINGS_FILE = 'crash-reports.json';

const httpsUrl = z.url({ protocol: /^https$/ });
const settingsSchema = z.object({ uploadUrl: httpsUrl.nullable().optional() }).strict();

/** The collector's URL, or null for local dumps only. A malformed setting uploads nothing. */
export function crashUploadUrl(userData: string, env: NodeJS.ProcessEnv, logger: Logger): string | null {
  const fromEnv = env['FRONTDESK_CRASH_REPORT_URL'];
  if (fromEnv !== undefined && fromEnv !== '') {
    const parsed = httpsUrl.safeParse(fromEnv);
    if (parsed.success) return parsed.data;
    logger.warn('FRONTDESK_CRASH_REPORT_URL is not an https URL; crash reports stay local');
    return null;
  }
  const file = join(userData, CRASH_REPORT_SETTINGS_FILE);
  if (!existsSync(file)) return null;
  try {
    return settingsSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).uploadUrl ?? null;
  } catch (error) {
    logger.warn(`${CRASH_REPORT_SETTINGS_FILE} is not valid ({ "uploadUrl": "https://…" }); crash reports stay local`, { error });
    return null;
  }
}

export function startCrashReporter(crashReporter: Pick<CrashReporter, 'start'>, uploadUrl: string | null, logger: Logger): void {
  crashReporter.start({
    productName: 'Frontdesk',
    submitURL: uploadUrl ?? '',
    uploadToServer: uploadUrl !== null,
    compress: true,
  });
  logger.info('crash reporter started', { upload: uploadUrl !== null ? new URL(uploadUrl).origin : 'off (local dumps only)' });
}
