import { describe, expect, it } from 'vitest';
import { ClubOSError } from '../../../common/errors/clubos-error';
import { createCanonicalInboxReader } from '../../../main/clubos/parse/canonical-inbox-reader';
import { readInboxDom } from '../../../main/clubos/parse/inbox-dom-reader';
import { parseInboxPage, parseInboxPageInSlices } from '../../../main/clubos/parse/inbox-page';
import { createRandom, type Random } from '../../../main/clubos-simulator/random';
import { fixture } from '../client/fixtures';
import { simulatedInbox } from './simulated-inbox';


type Outcome = { rows: unknown } | { error: string };

function outcome(read: () => unknown): Outcome {
  try {
    return { rows: read() };
  } catch (error) {
    if (error instanceof ClubOSError) return { error: `${error.kind}: ${error.message}` };
    throw error;
  }
}

const BODIES = [
  'See you at 10',
  'Tom & Jerry\'s "gym" <b>not bold</b>',
  'Línea uno 💪🏽\n  línea dos: ¿mañana?\n\nGracias 🙏  ',
  'STOP - OPT OUT message received.  Texting has been disabled.',
  '&amp; already escaped &#39; text',
  'a\r\nb',
  '   ',
];
const NAMES = ["Jane O'Brien", 'Mallory <b>Evil</b>', 'Zoë Müller', 'Marcus   Lee'];

function page(count: number, seed: number, memberIdsInLinks = true): string {
  return simulatedInbox(count, seed, { names: NAMES, bodies: BODIES }, memberIdsInLinks);
}

const SNIPPETS = [
  '<b>', '</b>', '<!-- c -->', '&nbsp;', '<br>', '<br/>', '<p>', '</p>', '<li>', '</li>', '<div>', '</div>', ' class="x"',
  ' class="message"', '<LI>', '&amp;', '&#x1F600;', '&copy', '<', '>', '"', "'", ' ', '\n', 'text', '<span>', '</span>',
  '<script>x</script>', '<a class="username-content" href="#">', '</a>', '<h3>', '</h3>', '<p class="no-messages">No messages</p>',
];

function mutate(html: string, rng: Random): string {
  const at = rng.int(0, html.length);
  switch (rng.int(0, 3)) {
    case 0:
      return html.slice(0, at) + html.slice(Math.min(html.length, at + rng.int(1, 12)));
    case 1:
      return html.slice(0, at) + rng.pick(SNIPPETS) + html.slice(at);
    case 2: {
      const tag = html.indexOf('<', at);
      return tag < 0 ? html : html.slice(0, tag + 1) + html.charAt(tag + 1).toUpperCase() + html.slice(tag + 2);
    }
    default: {
      const start = html.indexOf('<li', at);
      const end = html.indexOf('</li>', start);
      return start < 0 || end < 0 ? html : html.slice(0, end + 5) + html.slice(start, end + 5) + html.slice(end + 5);
    }
  }
}

describe('the canonical inbox reader', () => {
  it('streams pages in the shape the simulator serves, with and without member ids', () => {
    for (const html of [page(40, 1), page(40, 2, false), fixture('inbox-with-ids.html'), fixture('inbox-without-ids.html'), fixture('inbox-hostile.html'), fixture('inbox-empty.html')]) {
      const reader = createCanonicalInboxReader(html);
      expect(reader.read(Number.POSITIVE_INFINITY)).toBe('done');
      expect(reader.rows).toEqual(readInboxDom(html));
    }
  });

  it('stops after the rows asked for and carries on where it stopped', () => {
    const html = page(7, 3);
    const reader = createCanonicalInboxReader(html);
    expect(reader.read(3)).toBe('more');
    expect(reader.rows).toHaveLength(3);
    expect(reader.read(3)).toBe('more');
    expect(reader.read(3)).toBe('done');
    expect(reader.rows).toEqual(readInboxDom(html));
  });

  it.each([
    ['a comment', '<ul class="message-list"><!-- x --></ul><p class="no-messages">No messages</p>'],
    ['an upper-case tag', fixture('inbox-with-ids.html').replace('<li class="message-item">', '<LI class="message-item">').replace('</li>', '</LI>')],
    ['an unquoted attribute', fixture('inbox-with-ids.html').replace('class="message-list"', 'class=message-list')],
    ['a <p> opened inside a <p>', fixture('inbox-with-ids.html').replace('<p>Ok</p>', '<p>O<p>k</p></p>')],
    ['a stray "<"', fixture('inbox-with-ids.html').replace('<p>Ok</p>', '<p>I < 3 this</p>')],
    ['a body with markup the DOM parser reads as text', fixture('inbox-with-ids.html').replace('<p>Ok</p>', '<p>O<script>k</script></p>')],
    ['an attribute value that hides a class', fixture('inbox-with-ids.html').replace('<a class="reply-link"', '<a title=" class=message" class="reply-link"')],
    ['an attribute value holding ">"', fixture('inbox-with-ids.html').replace('<a class="username-content"', '<a title="a>b" class="username-content"')],
    ['a repeated attribute', fixture('inbox-with-ids.html').replace('<a class="username-content"', '<a class="x" class="username-content"')],
    ['the login page', fixture('login-page.html')],
    ['a truncated page', fixture('inbox-truncated.html')],
  ])('leaves %s to the DOM reader', (_what, html) => {
    expect(createCanonicalInboxReader(html).read(Number.POSITIVE_INFINITY)).toBe('irregular');
  });
});

describe('parseInboxPage', () => {
  it.each([
    'inbox-with-ids.html',
    'inbox-without-ids.html',
    'inbox-hostile.html',
    'inbox-empty.html',
    'inbox-empty-without-marker.html',
    'inbox-truncated.html',
    'inbox-garbled.html',
    'inbox-missing-label.html',
    'inbox-missing-name.html',
    'login-page.html',
  ])('answers %s exactly as the DOM reader does', (name) => {
    const html = fixture(name);
    expect(outcome(() => parseInboxPage(html))).toEqual(outcome(() => readInboxDom(html)));
  });

  it.each([
    ['a class hidden in another attribute', '<a title=" class=other" class="username-content"'],
    ['a ">" in an attribute value', '<a title="a>b" class="username-content"'],
    ['a repeated attribute', '<a class="x" class="username-content"'],
  ])('answers a page with %s as the DOM reader does', (_what, link) => {
    const html = fixture('inbox-with-ids.html').replaceAll('<a class="username-content"', link);
    expect(outcome(() => parseInboxPage(html))).toEqual(outcome(() => readInboxDom(html)));
  });

  it('agrees with the DOM reader on thousands of damaged pages, and streams the ones still canonical', () => {
    const rng = createRandom(9);
    const bases = [page(6, 4), page(3, 5, false), fixture('inbox-with-ids.html'), fixture('inbox-hostile.html')];
    let streamed = 0;
    let refused = 0;
    for (let i = 0; i < 3_000; i++) {
      let html = rng.pick(bases);
      for (let m = rng.int(1, 3); m > 0; m--) html = mutate(html, rng);
      const fast = outcome(() => parseInboxPage(html));
      expect(fast, html).toEqual(outcome(() => readInboxDom(html)));
      if (createCanonicalInboxReader(html).read(Number.POSITIVE_INFINITY) === 'done') streamed++;
      if ('error' in fast) refused++;
    }
    // The damage must leave plenty of pages on each side for the comparison to mean anything.
    expect(streamed).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  });
});

describe('parseInboxPageInSlices', () => {
  it('gives the same rows, pausing between slices', async () => {
    const html = page(25, 6);
    let pauses = 0;
    const rows = await parseInboxPageInSlices(html, { rowsPerSlice: 4, pause: () => Promise.resolve(void pauses++) });
    expect(rows).toEqual(parseInboxPage(html));
    expect(pauses).toBe(6);
  });

  it('refuses every truncation of a page, wherever it is cut, as the DOM reader does', async () => {
    const html = page(3, 7).trimEnd();
    for (let cut = 1; cut < html.length; cut += 3) {
      const cutHtml = html.slice(0, cut);
      const sliced = await parseInboxPageInSlices(cutHtml, { rowsPerSlice: 1, pause: () => Promise.resolve() }).then(
        (rows) => ({ rows }),
        (error: unknown) => ({ error: error instanceof ClubOSError ? `${error.kind}: ${error.message}` : String(error) }),
      );
      expect(sliced, `cut at ${cut}`).toEqual(outcome(() => readInboxDom(cutHtml)));
      expect('error' in sliced, `cut at ${cut}`).toBe(true);
    }
  });

  it('rejects a slice size that is not a positive whole number', async () => {
    await expect(parseInboxPageInSlices(page(1, 8), { rowsPerSlice: 0 })).rejects.toThrow(RangeError);
  });
});
