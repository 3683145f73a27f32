/**
 * ClubOS's generic refusal ("Something isn't right. Please refresh the page and try again."):
 * stale or missing form tokens, a member mismatch, or an opt-out, depending on the call.
 */
export function isSomethingNotRight(text: string): boolean {
  return /something isn['’]t right/i.test(text);
}
