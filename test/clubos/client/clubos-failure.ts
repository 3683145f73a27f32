// The ClubOSError a call fails with, for tests that look at its kind and message; anything
// else (success, another error) fails the test with what happened instead.
import { ClubOSError } from '../../../common/errors/clubos-error';

export async function clubosFailure(promise: Promise<unknown>): Promise<ClubOSError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ClubOSError) return e;
    throw new Error(`expected a ClubOSError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected the call to fail');
}
