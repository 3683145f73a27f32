// A page ClubOS served that lacks something Frontdesk needs from it. The page and the field are
// kept apart from the sentence so logs can count them and the window can say what is missing.
import { ClubOSError } from './clubos-error';

export class ClubOSMissingFieldError extends ClubOSError {
  constructor(
    /** The page as a person would name it: "the dashboard", "the login page". */
    readonly page: string,
    /** What was looked for, by meaning: "the signed-in user's id", "the club id". */
    readonly field: string,
    /** Where it was looked for, for the log. */
    readonly lookedIn?: string,
  ) {
    super('parse', `ClubOS's ${page.replace(/^the /, '')} does not show ${field}${lookedIn ? ` (looked in ${lookedIn})` : ''}`);
  }

  /** For the window: what is missing and what it means, without the places looked in. */
  get userMessage(): string {
    return `ClubOS's ${this.page.replace(/^the /, '')} page does not show ${this.field}, so Frontdesk cannot go on. ClubOS may have changed this page; the log has the details.`;
  }
}

export function isMissingFieldError(error: unknown): error is ClubOSMissingFieldError {
  return error instanceof ClubOSMissingFieldError;
}
