// The inbox read as its bytes arrive must answer exactly what parseInboxPage answers for the whole
// page (rows, or the same error), wherever the bytes are split: inside a UTF-8 character, a tag,
// an entity, between rows. Real captures (../shared/clubos-captures), the fixtures and simulator
// pages, split at every byte offset where the page is small and at seeded random places where not.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClubOSError } from '../../../common/errors/clubos-error';
import { createInboxPageStream, type InboxPageStreamOptions } from '../../../main/clubos/parse/inbox-page-stream';
import { MAX_PENDING_CHARS } from '../../../main/clubos/parse/canonical-inbox-reader';
import { parseInboxPage } from '../../../main/clubos/parse/inbox-page';
import { createRandom, type Random } from '../../../main/clubos-simulator/random';
import { CAPTURES_DIR } from '../captures/capture-files';
import { simulatedInbox } from './simulated-inbox';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'clubos');

type Outcome = { rows: unknown } | { error: string } | { readAgain: true };

function outcome(read: () => unknown): Outcome {
  try {
    const rows = read();
    return rows === null ? { readAgain: true } : { rows };
  } catch (error) {
    if (error instanceof ClubOSError) return { error: `${error.kind}: ${error.message}` };
    throw error;
  }
}

const whole = (bytes: Uint8Array): Outcome => outcome(() => parseInboxPage(new TextDecoder().decode(bytes)));

/** One reading of the page's bytes fed in pieces ending at `cuts`. */
function reading(bytes: Uint8Array, cuts: readonly number[], options: InboxPageStreamOptions = {}): Outcome {
  return outcome(() => {
    const stream = createInboxPageStream(options);
    let from = 0;
    for (const cut of [...cuts, bytes.byteLength]) {
      // A copy, as the pieces arrive in buffers of their own.
      stream.write(bytes.slice(from, cut));
      from = cut;
      if (stream.wholePageNeeded) return null;
    }
    return stream.end();
  });
}

/** The same, and a page to read again whole read again whole, as the sync worker does. */
function streamed(bytes: Uint8Array, cuts: readonly number[], options: InboxPageStreamOptions = {}): Outcome {
  const first = reading(bytes, cuts, options);
  return 'readAgain' in first ? reading(bytes, cuts, { ...options, whole: true }) : first;
}

const BODIES = [
  'See you at 10',
  'Tom & Jerry\'s "gym" <b>not bold</b> &amp; more',
  'Línea uno 💪🏽\n  línea dos: ¿mañana?\n\nGracias 🙏  ',
  'Привет! Занятие в 18:00 — подтверждаю ✅',
  '中文消息：明天见',
  'a\r\nb',
];
const NAMES = ["Jane O'Brien", 'Zoë Müller', 'Marcus   Lee', 'Ana Łukasiewicz-Øster'];

function page(count: number, seed: number, memberIdsInLinks = true): Uint8Array {
  return new TextEncoder().encode(simulatedInbox(count, seed, { names: NAMES, bodies: BODIES }, memberIdsInLinks));
}

/** Cuts at seeded random places, pieces of 1 to `longest` bytes. */
function randomCuts(size: number, rng: Random, longest: number): number[] {
  const cuts: number[] = [];
  for (let at = rng.int(1, longest); at < size; at += rng.int(1, longest)) cuts.push(at);
  return cuts;
}

const fixtures = readdirSync(FIXTURES).filter((name) => name.startsWith('inbox-') || name.startsWith('login-page') || name === 'session-expired.txt');
const CANONICAL_FIXTURES = ['inbox-with-ids.html', 'inbox-without-ids.html', 'inbox-hostile.html', 'inbox-empty.html'];
const captures = readdirSync(CAPTURES_DIR).filter((name) => name !== 'SANITIZING.md');

describe('the inbox read as it arrives', () => {
  it('has pages to read: the real captures and the inbox fixtures', () => {
    expect(captures).toEqual(expect.arrayContaining(['login-page.html', 'session-expired.txt', 'dashboard-after-delegate.html']));
    expect(fixtures).toEqual(expect.arrayContaining(['inbox-with-ids.html', 'inbox-hostile.html', 'inbox-truncated.html']));
  });

  it.each(captures)('answers the real capture %s as parseInboxPage does, wherever it is split', (name) => {
    const bytes = new Uint8Array(readFileSync(join(CAPTURES_DIR, name)));
    const expected = whole(bytes);
    // Every offset would be a DOM parse of up to 170 kB each: every offset of the first and last
    // 300 bytes (the doctype, the end), and some 150 spread over the rest.
    const step = Math.max(1, Math.floor(bytes.byteLength / 150));
    const offsets = new Set<number>();
    for (let at = 1; at < Math.min(300, bytes.byteLength); at++) offsets.add(at);
    for (let at = Math.max(1, bytes.byteLength - 300); at < bytes.byteLength; at++) offsets.add(at);
    for (let at = 1; at < bytes.byteLength; at += step) offsets.add(at);
    for (const at of offsets) expect(streamed(bytes, [at]), `${name} split at ${at}`).toEqual(expected);
    const rng = createRandom(name.length);
    for (let i = 0; i < 5; i++) {
      expect(streamed(bytes, randomCuts(bytes.byteLength, rng, 5_000))).toEqual(expected);
      // Let go of the text early: the page is read a second time, whole.
      expect(streamed(bytes, randomCuts(bytes.byteLength, rng, 5_000), { keepTextBelowChars: 64 })).toEqual(expected);
    }
  });

  it.each(fixtures)('answers the fixture %s as parseInboxPage does, split at every byte offset and in many pieces', (name) => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, name)));
    const expected = whole(bytes);
    for (let at = 1; at < bytes.byteLength; at++) {
      expect(streamed(bytes, [at]), `split at ${at}`).toEqual(expected);
      expect(streamed(bytes, [at], { keepTextBelowChars: 0 }), `split at ${at}, nothing kept`).toEqual(expected);
    }
    const rng = createRandom(7);
    for (let i = 0; i < 50; i++) expect(streamed(bytes, randomCuts(bytes.byteLength, rng, 40))).toEqual(expected);
    // The inbox pages in ClubOS's own shape are read as they come, never again whole.
    if (CANONICAL_FIXTURES.includes(name)) expect(reading(bytes, randomCuts(bytes.byteLength, rng, 40), { keepTextBelowChars: 0 })).toEqual(expected);
  });

  it('reads simulator pages (multi-byte names and bodies, entities, emoji) split at every byte offset', () => {
    for (const bytes of [page(12, 1), page(9, 2, false)]) {
      const expected = whole(bytes);
      expect('rows' in expected && (expected.rows as unknown[]).length).toBeGreaterThan(0);
      // Canonical pages are read as they come, in one reading, even with nothing kept.
      for (let at = 1; at < bytes.byteLength; at++) expect(reading(bytes, [at], { keepTextBelowChars: 0 }), `split at ${at}`).toEqual(expected);
      // Two cuts: the second inside every multi-byte character and tag of the page's second half.
      for (let at = Math.floor(bytes.byteLength / 2); at < bytes.byteLength; at++) {
        expect(reading(bytes, [Math.floor(at / 3), at], { keepTextBelowChars: 0 }), `split at ${Math.floor(at / 3)} and ${at}`).toEqual(expected);
      }
    }
  });

  it('reads a long page in pieces of every size with the same rows, without keeping its text', () => {
    const bytes = page(3_000, 3);
    const expected = whole(bytes);
    const rng = createRandom(11);
    for (const longest of [1, 7, 100, 4_096, 65_536, 1_000_000]) {
      expect(reading(bytes, randomCuts(bytes.byteLength, rng, longest), { keepTextBelowChars: 0 }), `pieces up to ${longest} bytes`).toEqual(expected);
    }
  });

  it('reads damaged long pages as parseInboxPage does: the same rows, or the same error', () => {
    const good = new TextDecoder().decode(page(400, 4));
    const damaged = [
      good.replace('</ul>', ''),
      good.replace(/<\/li>([^<]*)$/, '</li>$1<li class="message-item"></li>'),
      good.slice(0, good.length - 200),
      good.replace('<li class="message-item">', '<LI class="message-item">'),
      good.replace('</li>', '</li ><!-- comment -->'),
      good.replaceAll('</li>', '</li >'),
      good.replace('<p>', '<p title="</li>">'),
      good.slice(0, Math.floor(good.length / 2)) + '<li><div class="message"><li>nested</li></div></li>' + good.slice(Math.floor(good.length / 2)),
    ];
    const rng = createRandom(13);
    for (const html of damaged) {
      const bytes = new TextEncoder().encode(html);
      const expected = whole(bytes);
      for (const keepTextBelowChars of [0, 1024 * 1024]) {
        expect(streamed(bytes, randomCuts(bytes.byteLength, rng, 3_000), { keepTextBelowChars })).toEqual(expected);
      }
    }
  });

  it('gives up waiting for a row that never ends, and has the page read whole', () => {
    const html = new TextDecoder().decode(page(2, 5)).replace('<p>', `<p>${'x'.repeat(2 * MAX_PENDING_CHARS)}`);
    const bytes = new TextEncoder().encode(html);
    const stream = createInboxPageStream({ keepTextBelowChars: 1024 });
    for (let at = 0; at < bytes.byteLength && !stream.wholePageNeeded; at += 65_536) stream.write(bytes.subarray(at, at + 65_536));
    expect(stream.wholePageNeeded).toBe(true);
    expect(stream.end()).toBeNull();
    expect(streamed(bytes, randomCuts(bytes.byteLength, createRandom(3), 65_536), { keepTextBelowChars: 1024 })).toEqual(whole(bytes));
  });
});
