// What staff choose for the assistant (Settings → Assistant): a policy per intent, the gates on
// automatic sending, the after-hours answer and the optional model endpoint. Not secret: the
// model's API key lives in the OS keystore, never here.
import { z } from 'zod';
import { INTENTS, type Intent } from './intent-catalog';

/**
 * Never sent automatically, whatever the policy says: a person must read these. The core's policy
 * enforces it; Settings does not offer "auto" for them.
 */
export const NEVER_AUTO_INTENTS: ReadonlySet<Intent> = new Set<Intent>([
  'complaint',
  'question_about_billing',
  'appointment_cancellation',
  'requires_human_response',
  'opt_out',
  'opt_in',
  'appointment_confirmation',
  'spam',
]);

export const ASSISTANT_MODES = ['off', 'suggest', 'queue', 'auto'] as const;
export type AssistantMode = (typeof ASSISTANT_MODES)[number];
export const assistantModeSchema = z.enum(ASSISTANT_MODES);

/** The opening the after-hours answer names, filled in when it is sent. */
export const OPENING_PLACEHOLDER = '{opening}';

const baseUrl = z
  .string()
  .trim()
  .max(300)
  .refine((v) => v === '' || /^https?:\/\/[^\s/]+/iu.test(v), { message: 'expected an http(s) URL' });

export const assistantSettingsSchema = z
  .object({
    /** An intent left out (one added after the setting was saved) gets the default, suggest. */
    policy: z
      .partialRecord(z.enum(INTENTS), assistantModeSchema)
      .transform((p) => Object.fromEntries(INTENTS.map((i) => [i, p[i] ?? 'suggest'])) as Record<Intent, AssistantMode>),
    /** The classifier confidence an automatic reply needs. */
    autoThreshold: z.number().min(0.5).max(1),
    /** Automatic replies (answers and after-hours notes) per clock hour, over all members. */
    hourlyCap: z.number().int().min(0).max(200),
    /** Allow automatic answers outside staffed hours (off: they wait in the queue). */
    autoAfterHours: z.boolean(),
    afterHoursAck: z.object({ enabled: z.boolean(), text: z.string().trim().min(1).max(320) }).strict(),
    model: z
      .object({
        enabled: z.boolean(),
        baseUrl,
        model: z.string().trim().max(120),
        timeoutSeconds: z.number().int().min(5).max(120),
      })
      .strict(),
  })
  .strict();
export type AssistantSettings = z.infer<typeof assistantSettingsSchema>;

export const DEFAULT_ASSISTANT_SETTINGS: AssistantSettings = {
  policy: Object.fromEntries(INTENTS.map((i) => [i, 'suggest'])) as Record<Intent, AssistantMode>,
  autoThreshold: 0.85,
  hourlyCap: 20,
  autoAfterHours: false,
  afterHoursAck: {
    enabled: false,
    text: `Thanks for your message! The front desk is closed right now; we'll answer from ${OPENING_PLACEHOLDER}.`,
  },
  model: { enabled: false, baseUrl: '', model: '', timeoutSeconds: 30 },
};
