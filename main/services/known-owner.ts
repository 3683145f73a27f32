// An inbox filter must name an inbox that is synced: an unknown one is refused, not answered with
// an empty list (the window would show "nothing here" for a typo or a removed inbox).
import { AppError } from '../../common/errors/app-error';
import type { FrontdeskDb } from '../../db';

export function requireKnownOwner(db: FrontdeskDb, ownerId: string | undefined): string | undefined {
  if (ownerId !== undefined && db.owners.get(ownerId) === null) throw new AppError('not_found', `Inbox ${ownerId} is not synced.`);
  return ownerId;
}
