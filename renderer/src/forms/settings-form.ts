// The preferences form: text from the inputs in, settings out.
import { z } from 'zod';
import type { MarkReadMode, NotificationPrivacy, Settings } from '../../../common/contract';
import { toFormResult, type FormResult } from './form-result';

export const MIN_POLL_SECONDS = 5;
export const MAX_POLL_SECONDS = 600;

export interface SettingsInput {
  pollIntervalSeconds: string;
  notifications: NotificationPrivacy;
  launchAtLogin: boolean;
  historyAsRead: boolean;
  waitingIgnoresImportedAfterDays: string;
  markRead: MarkReadMode;
}

export type SettingsField = keyof SettingsInput;
const FIELDS: readonly SettingsField[] = [
  'pollIntervalSeconds',
  'notifications',
  'launchAtLogin',
  'historyAsRead',
  'waitingIgnoresImportedAfterDays',
  'markRead',
];
export const MIN_WAITING_DAYS = 1;
export const MAX_WAITING_DAYS = 60;
const daysMessage = `Enter a whole number of days from ${MIN_WAITING_DAYS} to ${MAX_WAITING_DAYS}.`;

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
  waitingIgnoresImportedAfterDays: z
    .string()
    .trim()
    .regex(/^\d+$/, daysMessage)
    .transform(Number)
    .pipe(z.number().int().min(MIN_WAITING_DAYS, daysMessage).max(MAX_WAITING_DAYS, daysMessage)),
  markRead: z.enum(['immediately', 'after_delay', 'manually']),
});

export function settingsToInput(settings: Settings): SettingsInput {
  return {
    ...settings,
    pollIntervalSeconds: String(settings.pollIntervalSeconds),
    waitingIgnoresImportedAfterDays: String(settings.waitingIgnoresImportedAfterDays),
  };
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
  if (before.waitingIgnoresImportedAfterDays !== after.waitingIgnoresImportedAfterDays) {
    change.waitingIgnoresImportedAfterDays = after.waitingIgnoresImportedAfterDays;
  }
  if (before.markRead !== after.markRead) change.markRead = after.markRead;
  return change;
}
