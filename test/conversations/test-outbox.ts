// The app's outbox over a test database (real clock: the outbox only stamps attempts with it).
import type { FrontdeskDb } from '../../db';
import { silentLogger } from '../../common/log/logger';
import type { Outbox } from '../../main/outreach/outbox';
import { standardOutbox } from '../../main/outreach/standard-outbox';
import { systemClock } from '../../common/time/clock';

export function testOutbox(db: FrontdeskDb): Outbox {
  return standardOutbox({ db: () => db, clock: systemClock, logger: silentLogger }).outbox;
}
