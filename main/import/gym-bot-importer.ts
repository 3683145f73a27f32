// The import as the app runs it: read the file, plan against the current account, let the user
// look at the plan, then write it and tell the window. The shell drives it from File → Import.
import type { Logger } from '../../common/log/logger';
import type { ConversationEvents } from '../services/change-feed';
import { planGymBotImport, writeGymBotImport, type ImportPlan, type ImportResult, type ImportTarget } from './gym-bot-import';
import { GymBotImportError, readGymBotFile } from './gym-bot-source';

export interface GymBotImporter {
  /** Reads and plans; nothing is written. Throws GymBotImportError for a file it cannot use. */
  preview(file: string): Promise<ImportPlan>;
  /** Writes a plan made by `preview` on the same account. */
  run(plan: ImportPlan, onProgress?: (done: number, total: number) => void): Promise<ImportResult>;
}

export interface GymBotImporterDeps {
  /** The current account's database and club context, fetched when needed. */
  target(): Promise<ImportTarget>;
  /** Announces what was stored, with the changed conversations, so the window needs no round trip. */
  changes: ConversationEvents;
  /** New inboxes were added (paused): the sync engine reloads its owner list. */
  ownersChanged(): void;
  logger: Logger;
}

export function createGymBotImporter(deps: GymBotImporterDeps): GymBotImporter {
  const log = deps.logger.scope('import');
  const planned = new WeakMap<ImportPlan, ImportTarget['db']>();
  let running = false;

  return {
    async preview(file) {
      const source = readGymBotFile(file);
      const target = await deps.target();
      const plan = planGymBotImport(source, target);
      planned.set(plan, target.db);
      log.info('gym bot file read', { layout: plan.layout, total: plan.total, readable: plan.readable, toAdd: plan.toAdd, skipped: plan.skipped });
      return plan;
    },
    async run(plan, onProgress) {
      if (running) throw new GymBotImportError('busy', 'An import is already running.');
      const target = await deps.target();
      if (planned.get(plan) !== target.db) {
        throw new GymBotImportError('stale', 'The account changed since the file was read. Choose the file again.');
      }
      running = true;
      try {
        const newOwners = plan.owners.some((o) => !o.known);
        const result = await writeGymBotImport(plan, target, onProgress);
        if (newOwners) deps.ownersChanged();
        for (const [ownerId, stored] of result.touched) {
          // Quiet: the past is shown, never notified.
          deps.changes.messagesAdded(target.db, { ownerId, ...stored, quiet: true });
        }
        log.info('gym bot import finished', { added: result.added });
        return result;
      } finally {
        running = false;
      }
    },
  };
}
