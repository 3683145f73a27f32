// The preferences form: text from the inputs in, settings out.
import { z } from 'zod';
import type { NotificationPrivacy, Settings } from '../../../common/contract';
import { toFormResult, type FormResult } from './form-result';

export const MIN_POLL_SECONDS = 5;
export const MAX_POLL_SECONDS = 600;

export interface SettingsInput {
  pollIntervalSeconds: string;
  notifications: NotificationPrivacy;
  launchAtLogin: boolean;
  historyAsRead: boolean;
}

export type SettingsField = keyof SettingsInput;
const FIELDS: readonly SettingsField[] = ['pollIntervalSeconds', 'notifications', 'launchAtLogin', 'historyAsRead'];

const intervalMessage = `Enter a whole number of seconds from ${MIN_POLL_SECONDS} to ${MAX_POLL_SECONDS}.`;

const schema = z.object({
  pollIntervalSeconds: z
    .string()
    .trim()
    .regex(/^\d+$/, intervalMessage)
    .transform(Number)
    .pipe(z.number().int().min(MIN_POLL_SECONDS, intervalMessage).max(MAX_POLL_SECONDS, intervalMessage)),
  notifications: z.enum(['name_and_text', 'name_only', 'count_only', 'off']),
  launchAtLogin: z.boolean(),
  historyAsRead: z.boolean(),
});

export function settingsToInput(settings: Settings): SettingsInput {
  return { ...settings, pollIntervalSeconds: String(settings.pollIntervalSeconds) };
}

export function validateSettings(input: SettingsInput): FormResult<Settings, SettingsField> {
  return toFormResult(schema.safeParse(input), FIELDS);
}

/** Only what changed, so saving does not overwrite a setting changed elsewhere meanwhile. */
export function changedSettings(before: Settings, after: Settings): Partial<Settings> {
  const change: Partial<Settings> = {};
  if (before.pollIntervalSeconds !== after.pollIntervalSeconds) change.pollIntervalSeconds = after.pollIntervalSeconds;
  if (before.notifications !== after.notifications) change.notifications = after.notifications;
  if (before.launchAtLogin !== after.launchAtLogin) change.launchAtLogin = after.launchAtLogin;
  if (before.historyAsRead !== after.historyAsRead) change.historyAsRead = after.historyAsRead;
  return change;
}
