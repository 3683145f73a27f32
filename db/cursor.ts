// Keyset cursors, opaque to callers: base64url of a small JSON tuple whose first element names
// the kind, so a cursor from one list can never be replayed against another.
import { z } from 'zod';
import { DbError } from './errors';

const conversationCursor = z.tuple([z.literal('c'), z.string().max(40), z.number().int().positive()]);
const messageCursor = z.tuple([z.literal('m'), z.string().max(40), z.number().int().positive()]);
const searchCursor = z.tuple([z.literal('s'), z.number().int().positive()]);

export interface TimeKey {
  at: string;
  id: number;
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decode<T>(cursor: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new DbError('invalid_argument', 'cursor: not a cursor of this list');
  return parsed.data;
}

export const encodeConversationCursor = (key: TimeKey): string => encode(['c', key.at, key.id]);
export function decodeConversationCursor(cursor: string): TimeKey {
  const [, at, id] = decode(cursor, conversationCursor);
  return { at, id };
}

// The list shows conversations raised by a waiting rule or reminder first: a cursor says which of
// the two runs (raised, then the rest) the next page continues.
const raisedCursor = z.tuple([z.literal('r'), z.string().max(40), z.number().int().positive()]);
const restStartCursor = z.tuple([z.literal('r0')]);
export type ListCursor = { run: 'raised'; key: TimeKey } | { run: 'rest'; key: TimeKey | null };
export const encodeRaisedCursor = (key: TimeKey): string => encode(['r', key.at, key.id]);
/** The next page starts at the first conversation that is not raised. */
export const encodeRestStartCursor = (): string => encode(['r0']);
export function decodeListCursor(cursor: string): ListCursor {
  const schema = z.union([raisedCursor, restStartCursor, conversationCursor]);
  const value = decode(cursor, schema);
  if (value[0] === 'r') return { run: 'raised', key: { at: value[1], id: value[2] } };
  if (value[0] === 'r0') return { run: 'rest', key: null };
  return { run: 'rest', key: { at: value[1], id: value[2] } };
}

export const encodeMessageCursor = (key: TimeKey): string => encode(['m', key.at, key.id]);
export function decodeMessageCursor(cursor: string): TimeKey {
  const [, at, id] = decode(cursor, messageCursor);
  return { at, id };
}

export const encodeSearchCursor = (rowid: number): string => encode(['s', rowid]);
export function decodeSearchCursor(cursor: string): number {
  return decode(cursor, searchCursor)[1];
}

// "Longest waiting first" mixes ascending and descending keys; it pages by position instead.
const waitingCursor = z.tuple([z.literal('w'), z.number().int().nonnegative()]);
export const encodeWaitingCursor = (offset: number): string => encode(['w', offset]);
export function decodeWaitingCursor(cursor: string): number {
  return decode(cursor, waitingCursor)[1];
}
