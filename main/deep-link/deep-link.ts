// Deep links: `frontdesk://conversation/<id>` opens that conversation, and nothing else is
// accepted. Anything may hand the app such a URL (a web page, another program, a crafted
// shortcut), so it is matched exactly: the scheme, one known path, a plain positive integer id.

export const DEEP_LINK_SCHEME = 'frontdesk';

export type DeepLink = { kind: 'conversation'; conversationId: number };

const CONVERSATION = /^frontdesk:\/\/conversation\/([1-9][0-9]{0,14})\/?$/i;
const MAX_URL_LENGTH = 100;

/** The link a URL stands for, or null for anything that is not exactly a Frontdesk link. */
export function parseDeepLink(url: string): DeepLink | null {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return null;
  const m = CONVERSATION.exec(url);
  if (!m) return null;
  const conversationId = Number(m[1]);
  return Number.isSafeInteger(conversationId) ? { kind: 'conversation', conversationId } : null;
}

/**
 * The deep link among a launch's arguments (Windows and Linux pass the URL as an argument, to
 * the first instance at launch and to the running one through `second-instance`).
 */
export function deepLinkInArgv(argv: readonly string[]): DeepLink | null {
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) continue;
    const link = parseDeepLink(arg);
    if (link) return link;
  }
  return null;
}
