// The IPC contract, defined once. Main registers one handler per entry of `channels`, preload
// builds `window.frontdesk` from the same table, the browser test bridge serves it over a
// WebSocket, and the renderer imports only the types.
import { z } from 'zod';
import { clubosIdSchema } from './clubos-id';
import { INTENTS } from './intent-catalog';

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
export const listFilterSchema = z.enum(['all', 'unread', 'needs_reply', 'snoozed', 'resolved', 'archived']);
export const notificationPrivacySchema = z.enum(['name_and_text', 'name_only', 'count_only', 'off']);

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
  /** When staff last marked it handled: the member's texts stored before then no longer wait. */
  handledAt: isoTime.nullable(),
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
  'internal',
]);
export const apiErrorSchema = z.object({ code: errorCodeSchema, message: z.string() });

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

/** What the window shows about start-up: a repaired database (warning) or why Frontdesk cannot run (error). */
export const startupNoticeSchema = z.object({
  level: z.enum(['warning', 'error']),
  title: z.string(),
  message: z.string(),
  /** Messages kept from a damaged database; null when no database was repaired. */
  messagesKept: z.number().int().nonnegative().nullable(),
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
      })
      .strict(),
    result: messageSchema,
  },
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
  z.object({
    type: z.literal('uiCommand'),
    seq: z.number().int(),
    command: z.enum(['openConversation', 'openSettings', 'focusSearch', 'showHelp']),
    conversationId: id.optional(),
  }),
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
export type StartupNotice = z.infer<typeof startupNoticeSchema>;
export type ListFilter = z.infer<typeof listFilterSchema>;
export type ConversationStatus = z.infer<typeof conversationStatusSchema>;
export type NotificationPrivacy = z.infer<typeof notificationPrivacySchema>;
export type MarkReadMode = z.infer<typeof markReadModeSchema>;

/** What a request handler does: the core implements it; IPC and the test bridge serve it. */
export type Handlers = { [K in ChannelName]: (args: Args<K>) => Promise<Result<K>> };
