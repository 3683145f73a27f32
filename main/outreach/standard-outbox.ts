// The outbox as the app uses it: over one database, settling replies, scheduled texts and campaign
// recipients, logging to the outreach log. The core builds one; tests build one per database.
import type { FrontdeskDb } from '../../db';
import type { Logger } from '../../common/log/logger';
import type { Clock } from '../../common/time/clock';
import { dbActionLog } from './action-log';
import { createOutbox, type Outbox } from './outbox';
import type { ActionLogPort } from './ports';
import { outboxSettlements } from './settlements';

export interface StandardOutboxOptions {
  db: () => FrontdeskDb;
  clock: Clock;
  logger: Logger;
  actionLog?: ActionLogPort;
  touched?: (conversationId: number) => void;
  settleAfterMs?: number;
}

export function standardOutbox(options: StandardOutboxOptions): { outbox: Outbox; actionLog: ActionLogPort } {
  const actionLog = options.actionLog ?? dbActionLog(options.db);
  const outbox = createOutbox({
    db: options.db,
    clock: options.clock,
    logger: options.logger,
    actionLog,
    settle: outboxSettlements({ db: options.db, touched: options.touched ?? (() => undefined) }),
    ...(options.settleAfterMs === undefined ? {} : { settleAfterMs: options.settleAfterMs }),
  });
  return { outbox, actionLog };
}
