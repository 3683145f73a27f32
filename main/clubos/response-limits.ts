// How much and how long one ClubOS answer may take. Anything that answers in ClubOS's place (a
// captive portal, a proxy, a broken server) must not be able to fill the main process's memory
// or hold a poll forever, so every answer has a byte cap (counted after gzip/deflate/br
// decoding, so a compression bomb stops at the same size as a plain body) and a deadline.

const MiB = 1024 * 1024;

export interface ResponseLimits {
  /** Decoded bytes of any answer but the inbox: login, dashboard, popup, search, send. */
  pageMaxBytes: number;
  /** Decoded bytes of the inbox list, the one answer that grows with the club. */
  inboxMaxBytes: number;
  /** Deadline of every request but the inbox, headers and body together. */
  pageTimeoutMs: number;
  /** Deadline of the inbox request, headers and body together. */
  inboxTimeoutMs: number;
}

/**
 * The inbox is one unpaginated page of every row ClubOS still lists, about 420 bytes a row: a
 * 75,000-row inbox is 30 MB. The protocol notes saw 2,468 rows in 7.5 months of a real club, so
 * 64 MiB (about 160,000 rows) is twice the largest inbox we sized for and some 60 times a real
 * one. Every other page is a few hundred kB at most (a member's popup carries their whole
 * history), so 16 MiB is already a wide margin. The inbox gets a longer deadline because 30 MB
 * over a slow office line takes tens of seconds.
 */
export const DEFAULT_RESPONSE_LIMITS: ResponseLimits = {
  pageMaxBytes: 16 * MiB,
  inboxMaxBytes: 64 * MiB,
  pageTimeoutMs: 20_000,
  inboxTimeoutMs: 60_000,
};

export function describeBytes(bytes: number): string {
  return bytes >= MiB ? `${Math.round(bytes / MiB)} MB` : `${Math.round(bytes / 1024)} kB`;
}
