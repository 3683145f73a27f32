// The IPC contract, defined once. Main registers one handler per entry of `channels`, preload
// builds `window.frontdesk` from the same table, the browser test bridge serves it over a
// WebSocket, and the renderer imports only the types.
import { z } from 'zod';
import { clubosIdSchema } from './clubos-id';
import { INTENTS } from './intent-catalog';
import { assistantSettingsSchema } from './assistant-settings';
import { knowledgeSchema } from './knowledge';
import { reportArgsSchema, reportCsvSchema, reportSchema } from './reports';

// ---------------------------------------------------------------------------------------------
// Domain shapes
// ---------------------------------------------------------------------------------------------

const isoTime = z.iso.datetime({ offset: true });
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const id = z.number().int().positive();
const clubosId = clubosIdSchema;
const shortText = z.string().trim().min(1).max(200);

export const intentSchema = z.enum(INTENTS);
export const conversationStatusSchema = z.enum(['open', 'pending', 'snoozed', 'resolved', 'archived']);
export const directionSchema = z.enum(['inbound', 'outbound', 'system']);
export const channelSchema = z.enum(['sms', 'email', 'system']);
export const replyChannelSchema = z.enum(['sms', 'email']);
/** `mine`: in the inbox and assigned to the staff member signed in at this desk (team mode). */
export const listFilterSchema = z.enum(['all', 'unread', 'needs_reply', 'snoozed', 'resolved', 'archived', 'mine']);
export const notificationPrivacySchema = z.enum(['name_and_text', 'name_only', 'count_only', 'off']);

/**
 * A staff member as the team knows them: `id` is the ClubOS username they sign in with (lower
 * case), stable across desks; `name` is the display name they chose in Settings → Team.
 */
export const staffIdSchema = z.string().trim().min(1).max(200);
export const staffMemberSchema = z.object({ id: staffIdSchema, name: z.string().min(1).max(200) });

export const conversationSchema = z.object({
  id,
  ownerId: clubosId,
  memberId: clubosId.nullable(),
  memberName: z.string(),
  lastMessageAt: isoTime.nullable(),
  lastMessagePreview: z.string(),
  unreadCount: z.number().int().nonnegative(),
  requiresResponse: z.boolean(),
  waitingSince: isoTime.nullable(),
  status: conversationStatusSchema,
  snoozedUntil: isoTime.nullable(),
  tags: z.array(z.string()),
  intent: intentSchema.nullable(),
  optedOut: z.boolean(),
  /** Raised by a waiting-too-long rule or a due no-reply reminder; cleared by a reply or resolving. */
  attention: z.object({ reason: z.enum(['waiting', 'no_reply']), since: isoTime }).nullable().optional(),
  /** When staff last marked it handled: the member's texts stored before then no longer wait. */
  handledAt: isoTime.nullable(),
  /** Who it is assigned to (team mode; a desk alone can assign too). Absent in old payloads. */
  assignee: staffMemberSchema.nullable().optional(),
});

export const messageSchema = z.object({
  id,
  conversationId: id,
  ownerId: clubosId,
  direction: directionSchema,
  channel: channelSchema,
  senderName: z.string(),
  body: z.string(),
  /** UTC instant; for day-precision rows, the club's midnight of `localDate`. */
  sentAt: isoTime,
  /** The club-local calendar date ClubOS gave. */
  localDate,
  /** Club-local `HH:MM` when ClubOS gave a minute, else null. */
  localTime: z.string().regex(/^\d{2}:\d{2}$/).nullable(),
  readAt: isoTime.nullable(),
  intent: intentSchema.nullable(),
  confidence: z.number().min(0).max(1).nullable(),
  /** A sent email's subject line; null for texts and for emails seen only in ClubOS history. */
  subject: z.string().nullable(),
});

export const syncOwnerStateSchema = z.enum(['idle', 'syncing', 'backing_off', 'auth_failed', 'stopped']);
export const errorCodeSchema = z.enum([
  'invalid_argument',
  'forbidden_sender',
  'not_found',
  'conflict',
  'opted_out',
  'not_signed_in',
  'insecure_storage',
  'clubos_credentials',
  'clubos_network',
  'clubos_timeout',
  'clubos_too_large',
  'clubos_tls',
  'clubos_wrong_host',
  'clubos_no_session',
  'clubos_redirect_loop',
  'clubos_session',
  'clubos_parse',
  'clubos_rejected',
  'unavailable',
  /** Assigning a conversation someone else holds needs `takeOver: true`; `assignee` names them. */
  'already_assigned',
  /** Someone else replied to (or is replying in) this conversation within the last minute; `collision` says who. Send again with `confirmCollision: true`. */
  'confirm_needed',
  /** The team store could not be reached or refused (Settings → Team). */
  'team_unavailable',
  'internal',
]);
/** What a send would collide with: another staff member's reply (or reply in progress) within the last minute. */
export const collisionSchema = z.object({
  kind: z.enum(['replied', 'replying']),
  /** Null when the reply was seen in ClubOS and no desk of the team says who sent it. */
  staff: staffMemberSchema.nullable(),
  at: isoTime,
});
export const apiErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** With `already_assigned`: who holds the conversation. */
  assignee: staffMemberSchema.optional(),
  /** With `confirm_needed`: what the send would collide with. */
  collision: collisionSchema.optional(),
});

export const syncOwnerStatusSchema = z.object({
  ownerId: clubosId,
  ownerName: z.string(),
  state: syncOwnerStateSchema,
  lastSuccessAt: isoTime.nullable(),
  lastError: apiErrorSchema.nullable(),
  nextRunAt: isoTime.nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
  addedLastPoll: z.number().int().nonnegative(),
  historyImported: z.boolean(),
});

export const syncStatusSchema = z.object({
  polling: z.boolean(),
  intervalSeconds: z.number().int(),
  owners: z.array(syncOwnerStatusSchema),
});

export const accountSchema = z.object({
  mode: z.enum(['demo', 'signed_in']),
  username: z.string().nullable(),
  baseUrl: z.string(),
  /** How safe the OS keystore is: `weak` is Linux's basic_text backend. */
  secretStorage: z.enum(['os', 'weak', 'unavailable']),
  /** The club's IANA zone: times are shown on the club's clock, not the computer's. Null until ClubOS was reached. */
  clubTimeZone: z.string().nullable(),
  /**
   * Where the zone comes from: ClubOS named it; a person confirmed it (ClubOS names none); or it is
   * assumed to be the computer's until someone confirms it. Null until ClubOS was reached.
   */
  clubTimeZoneSource: z.enum(['clubos', 'confirmed', 'assumed']).nullable(),
});

export const markReadModeSchema = z.enum(['immediately', 'after_delay', 'manually']);

export const settingsSchema = z.object({
  pollIntervalSeconds: z.number().int().min(5).max(600),
  notifications: notificationPrivacySchema,
  launchAtLogin: z.boolean(),
  historyAsRead: z.boolean(),
  /** Texts already older than this many days when Frontdesk first stores them never count as waiting. */
  waitingIgnoresImportedAfterDays: z.number().int().min(1).max(60),
  /** When opening a conversation marks it read: at once, after it was visible for 2 s, or only by hand. */
  markRead: markReadModeSchema,
});

export const ownerSchema = z.object({
  id: clubosId,
  name: z.string(),
  enabled: z.boolean(),
});

export const staffSchema = z.object({ id: clubosId, name: z.string() });

export const snippetPartSchema = z.object({ text: z.string(), match: z.boolean() });
export const searchHitSchema = z.object({
  messageId: id,
  conversationId: id,
  memberName: z.string(),
  sentAt: isoTime,
  direction: directionSchema,
  /** The body around the match, split into plain and matched parts: rendered as text, never HTML. */
  snippet: z.array(snippetPartSchema),
});

export const suggestionSchema = z.object({
  id: z.string(),
  intent: intentSchema,
  text: z.string(),
});

export const replyTemplateSchema = z.object({
  id: z.string(),
  intent: intentSchema,
  /** The wording offered to staff: theirs when edited, else the default. */
  text: z.string(),
  defaultText: z.string(),
  edited: z.boolean(),
});

export const countsSchema = z.object({
  filters: z.record(listFilterSchema, z.number().int().nonnegative()),
  tags: z.array(z.object({ tag: z.string(), count: z.number().int().nonnegative() })),
  unreadTotal: z.number().int().nonnegative(),
});

export const draftStatusSchema = z.enum(['suggested', 'pending', 'sent', 'auto_sent', 'rejected', 'superseded']);
export const assistantDraftSchema = z.object({
  id,
  conversationId: id,
  messageId: id,
  memberName: z.string(),
  /** The member's text the draft answers. */
  memberText: z.string(),
  memberTextAt: isoTime,
  optedOut: z.boolean(),
  intent: intentSchema.nullable(),
  confidence: z.number().min(0).max(1).nullable(),
  body: z.string(),
  /** The knowledge the draft states, by fact id. */
  facts: z.array(z.object({ id: z.string(), text: z.string() })),
  /** For staff: why it was queued, what Knowledge lacks, what a guard found. */
  notes: z.array(z.string()),
  status: draftStatusSchema,
  createdAt: isoTime,
  decidedAt: isoTime.nullable(),
  decidedBy: z.string().nullable(),
});

export const actionLogEntrySchema = z.object({
  id,
  at: isoTime,
  kind: z.string(),
  actor: z.string(),
  conversationId: z.number().int().nullable(),
  messageId: z.number().int().nullable(),
  draftId: z.number().int().nullable(),
  memberName: z.string().nullable(),
  intent: intentSchema.nullable(),
  confidence: z.number().nullable(),
  reason: z.string().nullable(),
  detail: z.record(z.string(), z.json()),
});

export const knowledgeStateSchema = z.object({
  knowledge: knowledgeSchema,
  /** Null until staff saved Knowledge once. */
  version: z.number().int().nullable(),
  savedAt: isoTime.nullable(),
});

export const assistantStateSchema = z.object({
  settings: assistantSettingsSchema,
  /** Whether an API key for the model is stored (the key itself never leaves the main process). */
  apiKeyStored: z.boolean(),
  secretStorage: z.enum(['os', 'weak', 'unavailable']),
});

export const draftResultSchema = z.object({
  text: z.string(),
  source: z.enum(['rules', 'model']),
  /** Shown under the composer: a fallback, a missing fact, a guard's finding. */
  notes: z.array(z.string()),
  facts: z.array(z.object({ id: z.string(), text: z.string() })),
  /** The assistant's stored draft this text came from, if any (sent with the reply). */
  draftId: id.nullable(),
});

/** What the window shows about start-up: a repaired database (warning) or why Frontdesk cannot run (error). */
export const startupNoticeSchema = z.object({
  level: z.enum(['warning', 'error']),
  title: z.string(),
  message: z.string(),
  /** Messages kept from a damaged database; null when no database was repaired. */
  messagesKept: z.number().int().nonnegative().nullable(),
});

// Outreach: scheduled texts and reminders, campaigns, waiting-too-long rules (main/outreach).
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
export const scheduledItemSchema = z.object({
  id,
  kind: z.enum(['send', 'remind']),
  conversationId: id,
  channel: replyChannelSchema.nullable(),
  body: z.string().nullable(),
  dueAt: isoTime,
  createdAt: isoTime,
  state: z.enum(['pending', 'sending', 'needs_confirmation', 'done', 'cancelled', 'failed']),
  outcome: z.string().nullable(),
  /** Set when it ran (or waits to run) more than a moment after its time: the "sent late" mark. */
  lateByMs: z.number().int().nonnegative().nullable(),
});
export const recipientStateSchema = z.enum(['queued', 'sending', 'sent', 'skipped', 'failed']);
export const campaignSchema = z.object({
  id,
  name: z.string(),
  body: z.string(),
  source: z.string(),
  state: z.enum(['draft', 'running', 'paused', 'cancelled', 'done']),
  ratePerMinute: z.number().int(),
  /** Sending window in the club's zone; null sends around the clock. */
  sendingHours: z.object({ from: hhmm, to: hhmm }).nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: isoTime.nullable(),
  createdAt: isoTime,
  finishedAt: isoTime.nullable(),
  counts: z.object({
    total: z.number().int(),
    queued: z.number().int(),
    sending: z.number().int(),
    sent: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
  }),
});
export const campaignRecipientSchema = z.object({
  id,
  memberId: clubosId.nullable(),
  memberName: z.string(),
  phone: z.string().nullable(),
  conversationId: id.nullable(),
  state: recipientStateSchema,
  reason: z.string().nullable(),
  /** The text this member gets (or got); null when a merge field blocks it (see `reason`). */
  preview: z.string().nullable(),
  sentAt: isoTime.nullable(),
});
export const campaignSourceSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('conversations'),
      statuses: z.array(conversationStatusSchema).max(5).optional(),
      tag: z.string().trim().min(1).max(60).optional(),
      intent: intentSchema.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('members'), members: z.array(z.object({ id: clubosId, name: z.string().max(200) }).strict()).min(1).max(5000) }).strict(),
  z.object({ kind: z.literal('csv'), text: z.string().min(1).max(2_000_000) }).strict(),
]);
export const waitingRulesSchema = z.object({
  defaultBusinessMinutes: z.number().int().min(1).max(10_080).nullable(),
  rules: z
    .array(
      z
        .object({ intent: intentSchema.optional(), tag: z.string().trim().min(1).max(60).optional(), businessMinutes: z.number().int().min(1).max(10_080) })
        .strict()
        .refine((r) => (r.intent === undefined) !== (r.tag === undefined), 'a rule names either an intent or a tag'),
    )
    .max(100),
});
/** Business hours are Knowledge's (staffed hours, holidays), not a setting of their own. */
export const outreachSettingsSchema = z.object({
  waitingRules: waitingRulesSchema,
  /** A scheduled text found this late (the app was closed) waits for staff to confirm it. */
  lateLimitMinutes: z.number().int().min(1).max(10_080),
});
export const mergeFieldSchema = z.object({ name: z.string(), label: z.string() });


// Team mode (main/team/): several desks share one state through PostgreSQL. See TEAM-API.md.
export const teamStateSchema = z.enum(['off', 'connecting', 'online', 'offline']);
export const teamStatusSchema = z.object({
  /** `off`: no team configured (the default); `connecting`; `online`; `offline` (configured, unreachable: everything works locally and waits in the outbox). */
  state: teamStateSchema,
  /** The configured server without its password (`user@host:port/db`); null when off. */
  server: z.string().nullable(),
  lastError: z.string().nullable(),
  /** Local changes not yet in the team store. */
  pendingOutbox: z.number().int().nonnegative(),
  /** When this desk last exchanged changes with the team store. */
  lastSyncAt: isoTime.nullable(),
  /** Who "me" is at this desk; null until an account (or the demo) is open. */
  me: staffMemberSchema.nullable(),
  deskId: z.string(),
  /** Which desk polls each ClubOS inbox (team mode); empty when off. */
  pollers: z.array(z.object({ ownerId: clubosId, deskId: z.string(), staff: staffMemberSchema.nullable(), thisDesk: z.boolean(), until: isoTime })),
  /** How safe the stored connection string is (the same keystore as the ClubOS password). */
  secretStorage: z.enum(['os', 'weak', 'unavailable']),
});
export const teamStaffSchema = staffMemberSchema.extend({
  /** Last time a desk of this staff member spoke to the team store; null for staff only seen in assignments. */
  lastSeenAt: isoTime.nullable(),
  online: z.boolean(),
  isMe: z.boolean(),
});
export const internalNoteSchema = z.object({
  id,
  /** Stable across desks. */
  uid: z.string(),
  conversationId: id,
  author: staffMemberSchema,
  body: z.string(),
  createdAt: isoTime,
});
export const presenceStateSchema = z.enum(['viewing', 'replying']);
export const presenceSchema = z.object({
  conversationId: id,
  staff: staffMemberSchema,
  state: presenceStateSchema,
  /** Gone after this unless renewed (desks renew every few seconds while it holds). */
  expiresAt: isoTime,
});
export const conversationTeamSchema = z.object({
  conversationId: id,
  assignee: staffMemberSchema.nullable(),
  assignedAt: isoTime.nullable(),
  /** Per staff member: up to which message time they have read it. */
  readers: z.array(z.object({ staff: staffMemberSchema, readThrough: isoTime.nullable(), at: isoTime })),
  /** Others here now (never me). */
  presence: z.array(presenceSchema),
  /** Who sent each outbound message, where a desk of the team knows it. */
  authors: z.array(z.object({ messageId: id, staff: staffMemberSchema })),
});

// ---------------------------------------------------------------------------------------------
// Request channels: method name → argument and result schemas
// ---------------------------------------------------------------------------------------------

const none = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });
const cursor = z.string().max(200).nullable().optional();
const pageLimit = z.number().int().min(1).max(500).optional();

export const channels = {
  appInfo: {
    args: none,
    result: z.object({ name: z.string(), version: z.string(), platform: z.string() }),
  },
  getStartupNotice: {
    args: none,
    result: z.object({ notice: startupNoticeSchema.nullable() }),
  },
  listConversations: {
    args: z
      .object({
        filter: listFilterSchema.default('all'),
        /** `longest_waiting`: members waiting longest first, then the rest newest first. */
        sort: z.enum(['newest', 'longest_waiting']).optional(),
        ownerId: clubosId.optional(),
        tag: z.string().min(1).max(60).optional(),
        query: z.string().max(200).optional(),
        cursor,
        limit: pageLimit,
      })
      .strict(),
    result: z.object({ items: z.array(conversationSchema), nextCursor: z.string().nullable() }),
  },
  getConversation: {
    args: z.object({ conversationId: id }).strict(),
    result: conversationSchema,
  },
  getCounts: {
    args: z.object({ ownerId: clubosId.optional() }).strict(),
    result: countsSchema,
  },
  listMessages: {
    args: z.object({ conversationId: id, before: cursor, limit: pageLimit }).strict(),
    /** Oldest → newest within the page; `prevCursor` pages further back. */
    result: z.object({ items: z.array(messageSchema), prevCursor: z.string().nullable() }),
  },
  markRead: {
    args: z.object({ conversationId: id }).strict(),
    result: conversationSchema,
  },
  markUnread: {
    args: z.object({ conversationId: id, messageId: id.optional() }).strict(),
    result: conversationSchema,
  },
  setStatus: {
    args: z
      .object({ conversationId: id, status: conversationStatusSchema, snoozedUntil: isoTime.optional() })
      .strict()
      .refine((a) => (a.status === 'snoozed') === (a.snoozedUntil !== undefined), {
        message: 'snoozedUntil is required for, and only for, status "snoozed"',
      }),
    result: conversationSchema,
  },
  markHandled: {
    args: z.object({ conversationId: id }).strict(),
    result: conversationSchema,
  },
  /** Undo of markHandled: the mark goes back to what the conversation had (null: none). */
  restoreHandled: {
    args: z.object({ conversationId: id, handledAt: isoTime.nullable() }).strict(),
    result: conversationSchema,
  },
  setTags: {
    args: z.object({ conversationId: id, tags: z.array(z.string().trim().min(1).max(60)).max(30) }).strict(),
    result: conversationSchema,
  },
  fetchHistory: {
    args: z.object({ conversationId: id }).strict(),
    result: z.object({ added: z.number().int().nonnegative() }),
  },
  search: {
    args: z
      .object({
        query: z.string().max(200),
        ownerId: clubosId.optional(),
        cursor,
        limit: pageLimit,
        /** `body`: only what messages say (names are left to searchPeople). */
        scope: z.enum(['all', 'body']).optional(),
        /** Count every match on the first page (capped at 10,001). */
        withTotal: z.boolean().optional(),
      })
      .strict(),
    result: z.object({ hits: z.array(searchHitSchema), nextCursor: z.string().nullable(), total: z.number().int().nonnegative().optional() }),
  },
  /** Members whose name matches every word of the query, one conversation each, most recent first. */
  searchPeople: {
    args: z.object({ query: z.string().max(200), ownerId: clubosId.optional(), limit: z.number().int().min(1).max(50).optional() }).strict(),
    result: z.object({ people: z.array(conversationSchema) }),
  },
  suggestReplies: {
    args: z.object({ conversationId: id }).strict(),
    result: z.object({ suggestions: z.array(suggestionSchema) }),
  },
  listReplyTemplates: {
    args: none,
    result: z.object({ templates: z.array(replyTemplateSchema) }),
  },
  setReplyTemplate: {
    /** `text: null` puts the default wording back. `{firstName}` is replaced when offered. */
    args: z.object({ id: z.string().min(1).max(100), text: z.string().trim().min(1).max(2000).nullable() }).strict(),
    result: z.object({ templates: z.array(replyTemplateSchema) }),
  },
  sendReply: {
    args: z
      .object({
        conversationId: id,
        channel: replyChannelSchema,
        body: z.string().trim().min(1).max(2000),
        subject: z.string().max(200).optional(),
        suggestionId: z.string().max(100).optional(),
        /** The assistant's draft the body started from: closed as sent, logged as edited when changed. */
        draftId: id.optional(),
        /** Send even though someone else replied (or is replying) within the last minute; without it that is a `confirm_needed` error. */
        confirmCollision: z.boolean().optional(),
      })
      .strict(),
    result: messageSchema,
  },
  getKnowledge: { args: none, result: knowledgeStateSchema },
  saveKnowledge: { args: z.object({ knowledge: knowledgeSchema }).strict(), result: knowledgeStateSchema },
  /** The export file's content (JSON), for the window to save. */
  exportKnowledge: { args: none, result: z.object({ fileName: z.string(), content: z.string() }) },
  importKnowledge: { args: z.object({ content: z.string().min(1).max(1_000_000) }).strict(), result: knowledgeStateSchema },
  getAssistant: { args: none, result: assistantStateSchema },
  setAssistant: { args: z.object({ settings: assistantSettingsSchema }).strict(), result: assistantStateSchema },
  /** `null` deletes the stored key. */
  setAssistantApiKey: { args: z.object({ apiKey: z.string().trim().min(1).max(400).nullable() }).strict(), result: assistantStateSchema },
  /** A contextual draft for the composer; with the model on, its text streams as `draftProgress` events first. */
  draftReply: { args: z.object({ conversationId: id, requestId: z.string().regex(/^[\w-]{1,64}$/) }).strict(), result: draftResultSchema },
  /** The assistant's open draft (suggested or queued) for the conversation's newest text, if any: the composer starts from it. */
  openDraft: { args: z.object({ conversationId: id }).strict(), result: z.object({ draft: assistantDraftSchema.nullable() }) },
  listApprovalQueue: { args: none, result: z.object({ items: z.array(assistantDraftSchema) }) },
  /** Approve (optionally with edited text) sends the draft; reject closes it. */
  decideDraft: {
    args: z
      .object({ draftId: id, decision: z.enum(['approve', 'reject']), body: z.string().trim().min(1).max(2000).optional() })
      .strict()
      .refine((a) => a.decision === 'approve' || a.body === undefined, { message: 'only an approval carries an edited body' }),
    result: assistantDraftSchema,
  },
  /** Approves several drafts; each one's outcome, in order. */
  approveDrafts: {
    args: z.object({ draftIds: z.array(id).min(1).max(100) }).strict(),
    result: z.object({ results: z.array(z.object({ draftId: id, ok: z.boolean(), error: apiErrorSchema.nullable() })) }),
  },
  listActions: {
    args: z
      .object({
        conversationId: id.optional(),
        beforeId: id.optional(),
        limit: z.number().int().min(1).max(500).optional(),
        /** Only these kinds (the Activity view's filter). */
        kinds: z.array(z.string().regex(/^[a-z_]{1,40}$/)).min(1).max(60).optional(),
      })
      .strict(),
    result: z.object({ items: z.array(actionLogEntrySchema) }),
  },
  exportActionLog: { args: none, result: z.object({ fileName: z.string(), content: z.string() }) },
  syncNow: {
    args: z.object({ ownerId: clubosId.optional() }).strict(),
    result: syncStatusSchema,
  },
  getSyncStatus: { args: none, result: syncStatusSchema },
  startPolling: { args: none, result: syncStatusSchema },
  stopPolling: { args: none, result: syncStatusSchema },
  setPollInterval: {
    args: z.object({ seconds: z.number().int().min(5).max(600) }).strict(),
    result: syncStatusSchema,
  },
  listOwners: {
    args: none,
    result: z.object({ owners: z.array(ownerSchema), available: z.array(staffSchema) }),
  },
  addOwner: {
    args: z.object({ ownerId: clubosId, name: shortText.optional() }).strict(),
    result: ownerSchema,
  },
  removeOwner: { args: z.object({ ownerId: clubosId }).strict(), result: ok },
  getSettings: { args: none, result: settingsSchema },
  setSettings: { args: settingsSchema.partial().strict(), result: settingsSchema },
  getAccount: { args: none, result: accountSchema },
  signIn: {
    args: z
      .object({
        username: shortText,
        password: z.string().min(1).max(200),
        baseUrl: z.url({ protocol: /^https$/ }).max(200).optional(),
      })
      .strict(),
    result: accountSchema,
  },
  signOut: { args: none, result: accountSchema },
  /** Confirms the club's zone for the account when ClubOS names none. */
  setClubTimeZone: { args: z.object({ timeZone: z.string().min(1).max(64) }).strict(), result: accountSchema },
  scheduleSend: {
    args: z
      .object({ conversationId: id, channel: replyChannelSchema, body: z.string().trim().min(1).max(2000), subject: z.string().max(200).optional(), dueAt: isoTime })
      .strict(),
    result: scheduledItemSchema,
  },
  scheduleReminder: {
    /** Remind staff at `dueAt` unless the member has written by then. */
    args: z.object({ conversationId: id, dueAt: isoTime }).strict(),
    result: scheduledItemSchema,
  },
  listScheduled: { args: z.object({ conversationId: id }).strict(), result: z.object({ items: z.array(scheduledItemSchema) }) },
  cancelScheduled: { args: z.object({ id }).strict(), result: scheduledItemSchema },
  /** A late scheduled text that waits for staff: send it now, or drop it. */
  confirmScheduled: { args: z.object({ id, send: z.boolean() }).strict(), result: scheduledItemSchema },
  searchMembers: {
    args: z.object({ name: z.string().trim().min(2).max(200) }).strict(),
    result: z.object({ member: z.object({ id: clubosId, name: z.string() }).nullable() }),
  },
  listMergeFields: { args: none, result: z.object({ fields: z.array(mergeFieldSchema) }) },
  createCampaign: {
    args: z
      .object({
        name: z.string().trim().min(1).max(200),
        body: z.string().trim().min(1).max(2000),
        source: campaignSourceSchema,
        ratePerMinute: z.number().int().min(1).max(6000),
        /** Club-local sending window; left out: 08:00–21:00; null: around the clock. */
        sendingHours: z.object({ from: hhmm, to: hhmm }).nullable().optional(),
      })
      .strict(),
    result: campaignSchema,
  },
  updateCampaignText: { args: z.object({ campaignId: id, body: z.string().trim().min(1).max(2000) }).strict(), result: campaignSchema },
  listCampaigns: { args: none, result: z.object({ campaigns: z.array(campaignSchema) }) },
  getCampaign: {
    args: z.object({ campaignId: id, state: recipientStateSchema.optional(), offset: z.number().int().min(0).optional(), limit: pageLimit }).strict(),
    result: z.object({ campaign: campaignSchema, recipients: z.array(campaignRecipientSchema) }),
  },
  /** The staff approval step: nothing of a campaign is sent before it. */
  approveCampaign: { args: z.object({ campaignId: id, approvedBy: shortText }).strict(), result: campaignSchema },
  pauseCampaign: { args: z.object({ campaignId: id }).strict(), result: campaignSchema },
  resumeCampaign: { args: z.object({ campaignId: id }).strict(), result: campaignSchema },
  cancelCampaign: { args: z.object({ campaignId: id }).strict(), result: campaignSchema },
  getOutreachSettings: { args: none, result: outreachSettingsSchema },
  setOutreachSettings: { args: outreachSettingsSchema.partial().strict(), result: outreachSettingsSchema },
  /** Response times over the last `days` days on the club's calendar (common/reports.ts). */
  getReport: { args: reportArgsSchema, result: reportSchema },
  /** The same period as CSV, one row per request and per resolution, for the window to save. */
  exportReportCsv: { args: reportArgsSchema, result: reportCsvSchema },

  // Team mode (TEAM-API.md)
  getTeam: { args: none, result: teamStatusSchema },
  /**
   * Joins a team (a PostgreSQL connection string, kept with safeStorage, never logged or shown
   * again), or leaves it (`null`): the desk keeps its local data and works alone.
   */
  setTeam: {
    args: z
      .object({
        connectionString: z
          .string()
          .trim()
          .max(2000)
          .regex(/^postgres(ql)?:\/\/\S+$/, 'expected postgres://user:password@host:port/database')
          .nullable(),
      })
      .strict(),
    result: teamStatusSchema,
  },
  /** Tries a connection string (or the stored one) without saving it. */
  testTeamConnection: {
    args: z.object({ connectionString: z.string().trim().max(2000).regex(/^postgres(ql)?:\/\/\S+$/).optional() }).strict(),
    result: z.object({ ok: z.boolean(), message: z.string(), serverVersion: z.string().nullable() }),
  },
  /** The display name other desks show for me. */
  setStaffName: { args: z.object({ name: z.string().trim().min(1).max(100) }).strict(), result: teamStatusSchema },
  listStaff: { args: none, result: z.object({ staff: z.array(teamStaffSchema) }) },
  addNote: { args: z.object({ conversationId: id, body: z.string().trim().min(1).max(4000) }).strict(), result: internalNoteSchema },
  /** Every internal note of the conversation, oldest first (merge with messages: common/thread-items.ts). */
  listNotes: { args: z.object({ conversationId: id }).strict(), result: z.object({ items: z.array(internalNoteSchema) }) },
  /**
   * Assigns to me, to a staff member, or to nobody. A conversation assigned to someone else is
   * taken over only with `takeOver: true`; otherwise `already_assigned` names the assignee.
   */
  assignConversation: {
    args: z
      .object({
        conversationId: id,
        to: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('me') }).strict(),
          z.object({ kind: z.literal('staff'), staffId: staffIdSchema }).strict(),
          z.object({ kind: z.literal('nobody') }).strict(),
        ]),
        takeOver: z.boolean().optional(),
      })
      .strict(),
    result: conversationSchema,
  },
  /** What I am doing in a conversation (renew every ~5 s while it holds; `none` clears it). */
  setPresence: { args: z.object({ conversationId: id, state: z.enum(['viewing', 'replying', 'none']) }).strict(), result: ok },
  /** Assignment, who read it how far, who is here, who sent which reply. */
  getConversationTeam: { args: z.object({ conversationId: id }).strict(), result: conversationTeamSchema },
  /** Campaigns other desks of the team run, with their progress as they last reported it. */
  listTeamCampaigns: {
    args: none,
    result: z.object({ items: z.array(z.object({ deskId: z.string(), staff: staffMemberSchema.nullable(), campaign: campaignSchema, updatedAt: isoTime })) }),
  },
  /** Whether a reply now would collide (see `confirm_needed`); null when not. */
  checkCollision: { args: z.object({ conversationId: id }).strict(), result: z.object({ collision: collisionSchema.nullable() }) },
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ArgsInput<K extends ChannelName> = z.input<Channels[K]['args']>;
export type Args<K extends ChannelName> = z.output<Channels[K]['args']>;
export type Result<K extends ChannelName> = z.output<Channels[K]['result']>;

export type ApiError = z.infer<typeof apiErrorSchema>;
export type ErrorCode = z.infer<typeof errorCodeSchema>;
/** What every request resolves to: errors are values, never exceptions across the bridge. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The IPC channel name for a request method. */
export const requestChannel = (name: ChannelName): string => `frontdesk:${name}`;

export const channelNames = Object.keys(channels) as ChannelName[];

// ---------------------------------------------------------------------------------------------
// Pushed events
// ---------------------------------------------------------------------------------------------

export const EVENT_CHANNEL = 'frontdesk:event';

/**
 * What a change did to the conversation list, so a window can apply it without asking again:
 * the changed conversations as they are now (cached columns recomputed), and the counts after the
 * change, over every owner and over the changed conversations' owner.
 */
export const conversationChangesSchema = z.object({
  conversations: z.array(conversationSchema),
  counts: countsSchema,
  ownerCounts: countsSchema,
});
export type ConversationChanges = z.infer<typeof conversationChangesSchema>;

/** Above this many new messages an event carries none (a first import); a window fetches what it shows. */
export const MAX_PUSHED_MESSAGES = 200;

/**
 * How a gym bot import is writing: `done` of `total` readable rows while running, then once
 * `finished` (with how many messages were `added`) or `failed` (with a `message` for the user).
 */
export const importProgressSchema = z.object({
  state: z.enum(['running', 'finished', 'failed']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  added: z.number().int().nonnegative().optional(),
  message: z.string().optional(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const appEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('messagesAdded'),
    seq: z.number().int(),
    ownerId: clubosId,
    conversationIds: z.array(id),
    count: z.number().int(),
    /** History imported on an owner's first sync: shown, never notified. */
    quiet: z.boolean(),
    /** The new messages, oldest first; null when there were more than MAX_PUSHED_MESSAGES. */
    messages: z.array(messageSchema).nullable(),
    /** Received through the team store (another desk polled or sent them): shown and notified, never answered automatically here. */
    remote: z.boolean().optional(),
    ...conversationChangesSchema.shape,
  }),
  z.object({
    type: z.literal('conversationUpdated'),
    seq: z.number().int(),
    conversation: conversationSchema,
    counts: countsSchema,
    ownerCounts: countsSchema,
  }),
  z.object({ type: z.literal('syncStatusChanged'), seq: z.number().int(), status: syncStatusSchema }),
  z.object({ type: z.literal('accountChanged'), seq: z.number().int(), account: accountSchema }),
  /**
   * A campaign as it now is, with the recipients this change moved (a text sent, a member skipped);
   * null when more changed than is worth sending (a cancel, a reworded text): refetch what is shown.
   */
  z.object({ type: z.literal('campaignUpdated'), seq: z.number().int(), campaign: campaignSchema, recipients: z.array(campaignRecipientSchema).nullable() }),
  /** A conversation's scheduled texts and reminders as `listScheduled` now answers for it. */
  z.object({ type: z.literal('scheduledChanged'), seq: z.number().int(), conversationId: id, items: z.array(scheduledItemSchema) }),
  /** A conversation needs staff: waited too long, no reply by a reminder, or a late scheduled text to confirm. */
  z.object({
    type: z.literal('attentionRaised'),
    seq: z.number().int(),
    conversationId: id,
    reason: z.enum(['waiting', 'no_reply', 'confirm_late']),
    detail: z.string(),
  }),
  /** A model's answer so far (the whole text, not a delta), while `draftReply` runs. */
  z.object({ type: z.literal('draftProgress'), seq: z.number().int(), requestId: z.string(), conversationId: id, text: z.string() }),
  /** The approval queue changed: its size, for the sidebar and the tray. */
  z.object({ type: z.literal('approvalQueueChanged'), seq: z.number().int(), pending: z.number().int().nonnegative() }),
  z.object({
    type: z.literal('uiCommand'),
    seq: z.number().int(),
    command: z.enum(['openConversation', 'openSettings', 'focusSearch', 'showHelp']),
    conversationId: id.optional(),
  }),
  z.object({ type: z.literal('importProgress'), seq: z.number().int(), ...importProgressSchema.shape }),
  z.object({ type: z.literal('teamStatusChanged'), seq: z.number().int(), status: teamStatusSchema }),
  /** Who is viewing or replying in a conversation now (others only; an empty list when nobody). */
  z.object({ type: z.literal('presenceChanged'), seq: z.number().int(), conversationId: id, presence: z.array(presenceSchema) }),
  /** Notes added here or by another desk. */
  z.object({ type: z.literal('notesAdded'), seq: z.number().int(), conversationId: id, notes: z.array(internalNoteSchema) }),
  /** A change this desk made was refused by the team store (an assignment someone else changed first); the conversation shows the team's state. */
  z.object({ type: z.literal('teamConflict'), seq: z.number().int(), conversationId: id, message: z.string(), assignee: staffMemberSchema.nullable() }),
  z.object({ type: z.literal('staffChanged'), seq: z.number().int(), staff: z.array(teamStaffSchema) }),
]);

export type AppEvent = z.infer<typeof appEventSchema>;
export type AppEventType = AppEvent['type'];
/** An event before the bus stamps its sequence number. */
export type AppEventInput = AppEvent extends infer E ? (E extends { seq: number } ? Omit<E, 'seq'> : never) : never;

export type Conversation = z.infer<typeof conversationSchema>;
export type Message = z.infer<typeof messageSchema>;
export type SyncStatus = z.infer<typeof syncStatusSchema>;
export type SyncOwnerStatus = z.infer<typeof syncOwnerStatusSchema>;
export type Account = z.infer<typeof accountSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type Owner = z.infer<typeof ownerSchema>;
export type SearchHit = z.infer<typeof searchHitSchema>;
export type Suggestion = z.infer<typeof suggestionSchema>;
export type ReplyTemplateEntry = z.infer<typeof replyTemplateSchema>;
export type Counts = z.infer<typeof countsSchema>;
export type AssistantDraft = z.infer<typeof assistantDraftSchema>;
export type DraftStatus = z.infer<typeof draftStatusSchema>;
export type ActionLogEntry = z.infer<typeof actionLogEntrySchema>;
export type KnowledgeState = z.infer<typeof knowledgeStateSchema>;
export type AssistantState = z.infer<typeof assistantStateSchema>;
export type DraftResult = z.infer<typeof draftResultSchema>;
export type StartupNotice = z.infer<typeof startupNoticeSchema>;
export type ListFilter = z.infer<typeof listFilterSchema>;
export type ConversationStatus = z.infer<typeof conversationStatusSchema>;
export type NotificationPrivacy = z.infer<typeof notificationPrivacySchema>;
export type ScheduledItemView = z.infer<typeof scheduledItemSchema>;
export type CampaignView = z.infer<typeof campaignSchema>;
export type CampaignRecipientView = z.infer<typeof campaignRecipientSchema>;
export type CampaignSource = z.infer<typeof campaignSourceSchema>;
export type OutreachSettings = z.infer<typeof outreachSettingsSchema>;
export type MergeField = z.infer<typeof mergeFieldSchema>;
export type MarkReadMode = z.infer<typeof markReadModeSchema>;
export type StaffMember = z.infer<typeof staffMemberSchema>;
export type TeamStatus = z.infer<typeof teamStatusSchema>;
export type TeamState = z.infer<typeof teamStateSchema>;
export type TeamStaff = z.infer<typeof teamStaffSchema>;
export type InternalNote = z.infer<typeof internalNoteSchema>;
export type Presence = z.infer<typeof presenceSchema>;
export type PresenceState = z.infer<typeof presenceStateSchema>;
export type Collision = z.infer<typeof collisionSchema>;
export type ConversationTeam = z.infer<typeof conversationTeamSchema>;

/** What a request handler does: the core implements it; IPC and the test bridge serve it. */
export type Handlers = { [K in ChannelName]: (args: Args<K>) => Promise<Result<K>> };
export type Knowledge = z.infer<typeof knowledgeSchema>;
