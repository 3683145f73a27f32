// A database handle that can "crash the process": once it fires, the write under way throws
// inside its transaction (so SQLite rolls it back) and every later call fails, as nothing runs
// after a real crash. The test then closes the real connection and boots a new app on the file.
import type { FrontdeskDb, NewMessage } from '../../db';

export interface CrashSwitch {
  /** Crash on the next message insert for which `when` says yes (after the rows went in). */
  arm(when: (batch: readonly NewMessage[]) => boolean): void;
  readonly crashed: boolean;
  /** The database as the store should see it. */
  wrap(db: FrontdeskDb): FrontdeskDb;
}

export class SimulatedCrash extends Error {
  override readonly name = 'SimulatedCrash';
}

export function crashSwitch(): CrashSwitch {
  let trigger: ((batch: readonly NewMessage[]) => boolean) | null = null;
  let crashed = false;

  const alive = (): void => {
    if (crashed) throw new SimulatedCrash('the process is gone');
  };

  /** Every method of a query group checks that the process still runs. */
  function guarded<T extends object>(target: T): T {
    return new Proxy(target, {
      get(t, prop, receiver) {
        const value: unknown = Reflect.get(t, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]): unknown => {
          alive();
          return (value as (...a: unknown[]) => unknown).apply(t, args);
        };
      },
    });
  }

  return {
    arm(when) {
      trigger = when;
    },
    get crashed() {
      return crashed;
    },
    wrap(db) {
      const messages = guarded(db.messages);
      return {
        path: db.path,
        shareWrites: (turn) => db.shareWrites(turn),
        checkpoint: () => db.checkpoint(),
        writeWaiting: () => db.writeWaiting(),
        inWriteTurn: (work) => db.inWriteTurn(work),
        messages: {
          ...messages,
          insert(batch, options) {
            const result = messages.insert(batch, options);
            if (trigger?.(batch)) {
              trigger = null;
              crashed = true;
              throw new SimulatedCrash('crashed inside the poll transaction, after its rows were inserted');
            }
            return result;
          },
        },
        conversations: guarded(db.conversations),
        owners: guarded(db.owners),
        settings: guarded(db.settings),
        outreach: db.outreach,
        knowledge: guarded(db.knowledge),
        drafts: guarded(db.drafts),
        actionLog: guarded(db.actionLog),
        reports: db.reports,
        team: db.team,
        search: (query) => {
          alive();
          return db.search(query);
        },
        searchPeople: (query) => {
          alive();
          return db.searchPeople(query);
        },
        transaction: (fn) => {
          alive();
          return db.transaction(fn);
        },
        close: () => db.close(),
      };
    },
  };
}
