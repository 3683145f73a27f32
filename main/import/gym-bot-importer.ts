// The import as the app runs it: read the file, plan against the current account, let the user
// look at the plan, then write it and tell the window, with progress it can show as a bar while
// the rows are written. The shell drives it from File → Import.
import type { ImportProgress } from '../../common/contract';
import type { Logger } from '../../common/log/logger';
import type { Clock } from '../../common/time/clock';
import type { ConversationEvents } from '../services/change-feed';
import { planGymBotImport, writeGymBotImport, type ImportPlan, type ImportResult, type ImportTarget } from './gym-bot-import';
import { GymBotImportError, readGymBotFile } from './gym-bot-source';
import { throttleProgress } from './progress-throttle';

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
  /** Pushes the write's progress to the window: throttled while running, always the end. */
  progress(report: ImportProgress): void;
  clock: Pick<Clock, 'now'>;
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
      let done = 0;
      let total = plan.readable;
      const report = throttleProgress(deps.clock, (d, t) => deps.progress({ state: 'running', done: d, total: t }));
      try {
        const newOwners = plan.owners.some((o) => !o.known);
        const result = await writeGymBotImport(plan, target, (d, t) => {
          done = d;
          total = t;
          report(d, t);
          onProgress?.(d, t);
        });
        if (newOwners) deps.ownersChanged();
        for (const [ownerId, stored] of result.touched) {
          // Quiet: the past is shown, never notified.
          deps.changes.messagesAdded(target.db, { ownerId, ...stored, quiet: true });
        }
        log.info('gym bot import finished', { added: result.added });
        deps.progress({ state: 'finished', done, total, added: result.added });
        return result;
      } catch (error) {
        // What was written before the failure stays (each day's rows commit together).
        const message =
          error instanceof GymBotImportError
            ? error.message
            : 'The import stopped. Messages imported before it stopped are kept; the log folder has the details.';
        deps.progress({ state: 'failed', done, total, message });
        throw error;
      } finally {
        running = false;
      }
    },
  };
}
