// What the main process and the sync worker (a process of its own) say to each other. Both ends
// are this app's own code, built together, so the shapes are TypeScript types rather than parsed
// schemas; what crosses is plain data (structured clone), errors included (see wireError).
import type { AppEventInput, SyncStatus } from '../../common/contract';
import type { ClubOSId } from '../../common/clubos-id';
import { ClubOSError, type ClubOSErrorKind } from '../../common/errors/clubos-error';
import type { LogFields, LogLevel } from '../../common/log/logger';
import type { ClubContext, InboxPageMeta } from '../clubos/types';

/** Given to the worker when it starts. */
export interface SyncWorkerData {
  /** The database the main thread opened, checked and migrated; the worker opens its own connection. */
  dbPath: string;
  intervalSeconds: number;
  /** Whether the engine should be polling from the start (a restart after a crash). */
  polling: boolean;
  /** The turn file shared with the main process's connection (db/write-turn.ts). */
  writeTurnPath: string;
}

/** What the worker needs from the main thread for each poll that writes. */
export interface PollContext {
  context: ClubContext;
  historyAsRead: boolean;
  /** Texts older than this when first stored never wait (Settings; db/queries/waiting.ts). */
  staleImportMs: number;
}

/** Calls the main thread makes on the worker's engine, and what they answer. */
export type EngineCalls = {
  start: { args: []; result: SyncStatus };
  stop: { args: []; result: SyncStatus };
  syncNow: { args: [ownerId?: ClubOSId]; result: SyncStatus };
  setIntervalSeconds: { args: [seconds: number]; result: SyncStatus };
  refreshOwners: { args: []; result: SyncStatus };
  /** Stops the engine and closes the worker's connection; the worker then ends. */
  close: { args: []; result: null };
};

/** Calls the worker makes on the main thread. */
export type HostCalls = {
  /**
   * Streams the owner's inbox page to the worker as `pageBytes` messages of stream `stream` (the
   * worker numbers its readings), then answers with what comes with the page.
   */
  getInboxPage: { args: [ownerId: ClubOSId, options: { sessionLost: boolean; stream: number }]; result: InboxPageMeta };
  pollContext: { args: []; result: PollContext };
};

export type CallTable = Record<string, { args: unknown[]; result: unknown }>;

export type Call<T extends CallTable> = { [M in keyof T & string]: { type: 'call'; id: number; method: M; args: T[M]['args'] } }[keyof T & string];

export type Reply = { type: 'reply'; id: number; ok: true; value: unknown } | { type: 'reply'; id: number; ok: false; error: WireError };

/** The worker gives up a call it made (its poll was aborted). */
export interface Cancel {
  type: 'cancel';
  id: number;
}

/** A piece of an inbox page (64 KB but the last). */
export interface PageBytes {
  type: 'pageBytes';
  stream: number;
  bytes: Uint8Array;
}

/** The worker has read that many bytes of the stream: the main thread may send more (page-pipe.ts). */
export interface PageRead {
  type: 'pageRead';
  stream: number;
  bytes: number;
}

export type ToWorker = Call<EngineCalls> | Reply | Cancel | PageBytes;

export type FromWorker =
  | Call<HostCalls>
  | Reply
  | Cancel
  | PageRead
  | { type: 'event'; event: AppEventInput }
  | { type: 'log'; level: LogLevel; scope: string; message: string; fields: LogFields }
  | { type: 'ready' };

/** An error as it crosses between the processes: a ClubOS error keeps its kind, so the engine backs off (or stops) as it would in one process. */
export type WireError = { name: string; message: string; stack?: string; kind?: ClubOSErrorKind; status?: number };

export function toWireError(error: unknown): WireError {
  if (error instanceof ClubOSError) return { name: error.name, message: error.message, kind: error.kind, ...(error.status === undefined ? {} : { status: error.status }) };
  if (error instanceof Error) return { name: error.name, message: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }) };
  return { name: 'Error', message: String(error) };
}

export function fromWireError(wire: WireError): Error {
  if (wire.kind !== undefined) return new ClubOSError(wire.kind, wire.message, wire.status);
  const error = new Error(wire.message);
  error.name = wire.name;
  if (wire.stack !== undefined) error.stack = wire.stack;
  return error;
}
