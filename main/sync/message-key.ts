// The reconciliation key of a message (design §3): owner, sender, normalized body and the
// club-local date. ClubOS gives no ids, so this key plus an occurrence number is a message's
// identity. The owner is a separate column; the key is `<date>|<hash of sender and body>`.
import { createTwoPageMemo } from '../../common/two-page-memo';

/** How a name or a body is compared: Unicode-normalized, case-folded, whitespace collapsed. */
export function normalizeForKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * A 64-bit string hash (two independently mixed 32-bit lanes). Collisions only matter between
 * messages of the same owner on the same day, where a few dozen keys compete for 2^64 values.
 * A JS hash, not node:crypto, because an idle poll hashes thousands of rows on the main thread
 * and crypto's per-call overhead dominates for short strings.
 */
export function hash64(text: string): string {
  let h1 = 0xdeadbeef ^ text.length;
  let h2 = 0x41c6ce57 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [(h1 >>> 0).toString(36).padStart(7, '0'), (h2 >>> 0).toString(36).padStart(7, '0')].join('');
}

/**
 * Joined, not concatenated: V8 keeps a concatenation of 13 characters or more as a tree of its
 * parts (a cons string, about 150 bytes for a key), and a key lives as long as its row and the
 * memo below; `join` builds one flat string (about 40 bytes), which matters at 100,000 rows.
 */
export function messageKey(senderName: string, body: string, localDate: string): string {
  return [localDate, '|', hash64(`${normalizeForKey(senderName)}\u0000${normalizeForKey(body)}`)].join('');
}

export type KeyFunction = (senderName: string, body: string, localDate: string) => string;

/**
 * A memo of `messageKey` across polls. The inbox lists mostly the same rows poll after poll, and
 * normalizing every body again is most of an idle poll's work. Each `nextPoll()` keeps only the
 * keys the previous poll used, so the memo never outgrows one inbox (two-page-memo.ts).
 */
export function createKeyMemo(): { keyOf: KeyFunction; nextPoll(): void } {
  const memo = createTwoPageMemo<string>();
  return {
    keyOf(senderName, body, localDate) {
      // Joined for the same reason as messageKey's: the memo holds one per row listed.
      const raw = [localDate, senderName, body].join('\u0000');
      let key = memo.get(raw);
      if (key === undefined) {
        key = messageKey(senderName, body, localDate);
        memo.set(raw, key);
      }
      return key;
    },
    nextPoll: () => memo.nextPage(),
  };
}
