// The message fields, once: for each field of a message, how the caller's value is parsed, which
// column stores it (and how, when it is not stored as given), and which columns a `Message` is
// read back from. The INSERT statement, the values it reads for each row, the SELECT column list
// and the row reader are all generated from this table, so a new field is one line here.
import { z } from 'zod';
import { clubosIdSchema } from '../common/clubos-id';
import { channelSchema, directionSchema, intentSchema, type Message } from '../common/contract';
import { toStoredInstant } from './iso-time';
import type { JsonValue, NewMessage } from './types';

const instant = z.string().transform((v, ctx) => {
  try {
    return toStoredInstant(v);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected an ISO-8601 instant' });
    return z.NEVER;
  }
});

/**
 * A JSON value (what JSON.stringify writes back unchanged): null, a string, a finite number, a
 * boolean, or arrays and plain objects of them. The same rule as z.json(), checked by hand: the
 * batch insert checks every row, and the generic union costs ten times as much.
 */
function isJsonValue(value: unknown, depth = 0): value is JsonValue {
  if (depth > 64) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isJsonValue(v, depth + 1));
  if (typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value).every((v) => isJsonValue(v, depth + 1));
}
const jsonValue = z.custom<JsonValue>((v) => isJsonValue(v), { message: 'expected a JSON value' });

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// A bound string reaches SQLite with lone surrogates as U+FFFD; rows travel as JSON (see the
// INSERT in queries/messages.ts), where they would become invalid UTF-8, so text is made
// well-formed first.
const text = z.string().transform((v) => v.replace(LONE_SURROGATE, '\uFFFD'));

interface Field {
  column: string;
  /** Parses the caller's value; absent for columns the app only reads (the id). */
  input?: z.ZodType;
  /** The stored value when it is not the parsed value itself (absent: null). */
  store?: (m: NewMessage) => unknown;
  /** How the column reads back into the contract's `Message`; absent for columns not shown. */
  read?: z.ZodType;
}

export const MESSAGE_FIELDS = {
  id: { column: 'id', read: z.number().int() },
  conversationId: { column: 'conversation_id', input: z.number().int().positive(), read: z.number().int() },
  ownerId: { column: 'owner_id', input: clubosIdSchema, read: z.string() },
  direction: { column: 'direction', input: directionSchema, read: directionSchema },
  channel: { column: 'channel', input: channelSchema, read: channelSchema },
  senderName: { column: 'sender_name', input: text, read: z.string() },
  body: { column: 'body', input: text, read: z.string() },
  sentAt: { column: 'sent_at', input: instant, read: z.string() },
  localDate: { column: 'local_date', input: z.string().regex(/^\d{4}-[01]\d-[0-3]\d$/, 'expected YYYY-MM-DD'), read: z.string() },
  localTime: { column: 'local_time', input: z.string().regex(/^[0-2]\d:[0-5]\d$/, 'expected HH:MM').nullable(), read: z.string().nullable() },
  source: { column: 'source', input: z.enum(['inbox', 'history', 'sent']) },
  dedupeKey: { column: 'dedupe_key', input: text.pipe(z.string().min(1)) },
  occurrence: { column: 'occurrence', input: z.number().int().nonnegative() },
  readAt: { column: 'read_at', input: instant.nullable().optional(), read: z.string().nullable() },
  requiresResponse: {
    column: 'requires_response',
    input: z.boolean().optional(),
    store: (m) => ((m.requiresResponse ?? m.direction === 'inbound') ? 1 : 0),
  },
  intent: { column: 'intent', input: intentSchema.nullable().optional(), read: intentSchema.nullable() },
  aiProcessed: { column: 'ai_processed', input: z.boolean().optional(), store: (m) => (m.aiProcessed ? 1 : 0) },
  confidence: { column: 'ai_confidence_score', input: z.number().min(0).max(1).nullable().optional(), read: z.number().nullable() },
  aiActionTaken: {
    column: 'ai_action_taken',
    input: jsonValue.nullable().optional(),
    store: (m) => (m.aiActionTaken === undefined || m.aiActionTaken === null ? null : JSON.stringify(m.aiActionTaken)),
  },
  aiResponded: { column: 'ai_responded', input: z.boolean().optional(), store: (m) => (m.aiResponded || m.aiResponseSentAt ? 1 : 0) },
  aiResponseSentAt: { column: 'ai_response_sent_at', input: instant.nullable().optional() },
  threadId: { column: 'thread_id', input: text.nullable().optional() },
  fromMemberId: { column: 'from_member_id', input: clubosIdSchema.nullable().optional() },
  fromMemberName: { column: 'from_member_name', input: text.nullable().optional() },
  toStaffName: { column: 'to_staff_name', input: text.nullable().optional() },
  /** A sent email's subject line; null for texts and for emails seen only in ClubOS history. */
  subject: { column: 'subject', input: text.pipe(z.string().max(200)).nullable().optional(), read: z.string().nullable() },
} satisfies Record<string, Field>;

/** Columns the statement fills with its own clock, not from the row. */
const STAMPED_COLUMNS = ['received_at', 'created_at'] as const;

type Fields = typeof MESSAGE_FIELDS;
type InputKey = { [K in keyof Fields]: Fields[K] extends { input: z.ZodType } ? K : never }[keyof Fields];
type ReadKey = { [K in keyof Fields]: Fields[K] extends { read: z.ZodType } ? K : never }[keyof Fields];

const entries = Object.entries(MESSAGE_FIELDS) as Array<[keyof Fields, Field]>;
const written = entries.filter((e): e is [InputKey, Field & { input: z.ZodType }] => e[1].input !== undefined);
const shown = entries.filter((e): e is [ReadKey, Field & { read: z.ZodType }] => e[1].read !== undefined);

/** What `messages.insert` accepts, parsed and normalized (instants, well-formed text). */
export const newMessageSchema = z.object(
  Object.fromEntries(written.map(([key, field]) => [key, field.input])) as { [K in InputKey]: Fields[K]['input'] },
);
export type ParsedMessage = z.output<typeof newMessageSchema>;

/**
 * One statement for the whole batch: the rows travel as one JSON array of arrays, read by
 * position. Inside a savepoint FTS5 pays a flush per writing statement, which makes row-by-row
 * inserts an order of magnitude slower.
 */
export const INSERT_MESSAGES = `INSERT INTO messages (${[...written.map(([, f]) => f.column), ...STAMPED_COLUMNS].join(', ')})
  SELECT ${[...written.map((_, i) => `r ->> ${i}`), ...STAMPED_COLUMNS.map(() => '@now')].join(', ')}
  FROM (SELECT value AS r FROM json_each(@rows)) WHERE true
  ON CONFLICT (owner_id, dedupe_key, occurrence) DO NOTHING
  RETURNING id, owner_id, dedupe_key, occurrence`;

/** A parsed message as the array INSERT_MESSAGES reads by position. */
export function insertTuple(m: ParsedMessage): unknown[] {
  return written.map(([key, field]) => (field.store ? field.store(m) : (m[key] ?? null)));
}

/**
 * The SELECT list (table alias `m`) that `toMessage` reads: each column under its field's name,
 * so reading a row is one parse with no renaming.
 */
export const MESSAGE_COLUMNS = shown.map(([key, f]) => `m.${f.column} AS "${key}"`).join(', ');

const messageRow = z.object(Object.fromEntries(shown.map(([key, f]) => [key, f.read])) as { [K in ReadKey]: Fields[K]['read'] });

// The read fields are exactly the contract's Message: a field added to one and not the other fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const readShapeIsMessage: Same<z.output<typeof messageRow>, Message> = true;
void readShapeIsMessage;

/** A row selected with MESSAGE_COLUMNS, parsed into the contract's shape. */
export function toMessage(row: unknown): Message {
  return messageRow.parse(row);
}
