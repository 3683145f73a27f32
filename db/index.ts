// db/: the SQLite layer. Everything the app uses from here is exported below.
export { openConnection, openDatabase, type OpenOptions, type OpenedDatabase, type Recovery } from './open';
export type { SalvageCounts } from './salvage';
export type { StorageProblem } from './storage-failure';
export type { FrontdeskDb } from './frontdesk-db';
export type { MessageQueries } from './queries/messages';
export type { ConversationQueries } from './queries/conversations';
export type { OwnerQueries } from './queries/owners';
export type { SettingsQueries } from './queries/settings';
export type * from './queries/outreach';
export { DbError, type DbErrorReason } from './errors';
export { LATEST_VERSION } from './migrations/list';
export type { MigrationOutcome } from './migrate';
export type * from './types';
export type { KnowledgeQueries, KnowledgeVersion } from './queries/knowledge';
export type { AssistantDraftQueries, NewDraft } from './queries/assistant-drafts';
export type { ActionLogQueries, ActionLogQuery, NewAction } from './queries/action-log';
export { createWriteTurnBuffer, writeTurn, type WriteTurn, type WriteTurnRole } from './write-turn';
export type * from './queries/reports';
