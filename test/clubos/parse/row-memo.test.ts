// A poll's page read with the memo of the last page must answer exactly what it answers read
// afresh (rows, or the same error), whatever changed between the two pages; only its repeated
// rows may come from the memo, and the memo holds no more than two pages' rows.
import { describe, expect, it } from 'vitest';
import { localDate } from '../../../common/time/club-time';
import { ClubOSError } from '../../../common/errors/clubos-error';
import { createCanonicalInboxReader } from '../../../main/clubos/parse/canonical-inbox-reader';
import { readInboxDom } from '../../../main/clubos/parse/inbox-dom-reader';
import { parseInboxPage, parseInboxPageInSlices } from '../../../main/clubos/parse/inbox-page';
import type { InboxPageRow } from '../../../main/clubos/parse/inbox-page-row';
import { createInboxPageStream } from '../../../main/clubos/parse/inbox-page-stream';
import { createRowMemo, type RowMemo } from '../../../main/clubos/parse/row-memo';
import { createRandom } from '../../../main/clubos-simulator/random';
import { renderInbox } from '../../../main/clubos-simulator/render-inbox';
import type { SimMessage } from '../../../main/clubos-simulator/types';
import { CHI, NOW } from './simulated-inbox';

const BODIES = ['See you at 10', 'Tom & Jerry\'s "gym" <b>not bold</b>', 'Línea uno 💪🏽\n  línea dos', 'Ok', '&amp; already escaped'];
const NAMES = ["Jane O'Brien", 'Zoë Müller', 'Marcus   Lee'];

/** `count` messages newest first, the first at `newest`, seeded. */
function messages(count: number, seed: number, newest = NOW): SimMessage[] {
  const rng = createRandom(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: seed * 10_000 + i,
    ownerId: '1',
    memberId: String(100_000_000 + rng.int(0, 40)),
    senderName: rng.pick(NAMES),
    // Numbered: two equal rows on one page would also come from the memo, and blur the counts.
    body: `${rng.pick(BODIES)} #${seed}.${i}`,
    at: newest - i * rng.int(1, 3) * 3_600_000,
  }));
}

const render = (list: readonly SimMessage[], now = NOW): string => renderInbox(list, { now, timeZone: CHI, memberIdsInLinks: true });

/** The memo, counting the rows it gave. */
function countingMemo(): RowMemo & { hits: number } {
  const memo = createRowMemo();
  const counting = {
    hits: 0,
    get(markup: string) {
      const row = memo.get(markup);
      if (row) counting.hits++;
      return row;
    },
    set: (markup: string, row: InboxPageRow) => memo.set(markup, row),
    nextPage: () => memo.nextPage(),
  };
  return counting;
}

function read(html: string, memo: RowMemo): readonly InboxPageRow[] {
  memo.nextPage();
  const reader = createCanonicalInboxReader(html, memo);
  expect(reader.read(Number.POSITIVE_INFINITY)).toBe('done');
  return reader.rows;
}

type Outcome = { rows: unknown } | { error: string };
/** What `read` answers, thrown or returned, at once or later. */
const outcome = async (read: () => unknown): Promise<Outcome> =>
  Promise.resolve()
    .then(read)
    .then(
      (rows) => ({ rows }),
      (error: unknown) => {
        if (error instanceof ClubOSError) return { error: `${error.kind}: ${error.message}` };
        throw error;
      },
    );

describe('the row memo', () => {
  it('gives the next poll its repeated rows, and the rows are the page read afresh', () => {
    const memo = countingMemo();
    const first = messages(300, 1);
    read(render(first), memo);
    expect(memo.hits).toBe(0);

    // Three new texts on top; one old row cleared from the middle.
    const next = [...messages(3, 2, NOW + 60_000), ...first.slice(0, 100), ...first.slice(101)];
    const html = render(next, NOW + 60_000);
    expect(read(html, memo)).toEqual(readInboxDom(html));
    expect(memo.hits).toBe(299);
  });

  it('reads again a row whose label changed at midnight', () => {
    const memo = countingMemo();
    const list = messages(50, 3);
    read(render(list), memo);
    const today = list.filter((m) => localDate(m.at, CHI) === localDate(NOW, CHI)).length;
    const html = render(list, NOW + 86_400_000);
    expect(read(html, memo)).toEqual(readInboxDom(html));
    expect(today).toBeGreaterThan(0);
    expect(memo.hits).toBe(50 - today);
  });

  it('holds the rows of the last page and the current one, no more', () => {
    const memo = createRowMemo();
    const row = (body: string): InboxPageRow => ({ senderName: 'A', memberId: null, body, label: 'Oct 1', parsedLabel: { kind: 'date', month: 10, day: 1 } });
    memo.set('<li>a</li>', row('a'));
    memo.set('<li>b</li>', row('b'));
    memo.nextPage();
    expect(memo.get('<li>a</li>')).toEqual(row('a'));
    memo.nextPage();
    expect(memo.get('<li>a</li>')).toEqual(row('a'));
    expect(memo.get('<li>b</li>')).toBeUndefined();
  });

  it('changes nothing a damaged page answers, whole or streamed in pieces', async () => {
    const rng = createRandom(11);
    const base = render(messages(12, 4));
    const SNIPPETS = ['<b>', '</li>', '<li>', '<li class="message-item">', '<!-- c -->', '&amp;', '<', '"', ' ', '<br>', '</ul>', '<p>', 'x'];
    let memoUsed = 0;
    for (let i = 0; i < 800; i++) {
      let html = base;
      for (let m = rng.int(1, 3); m > 0; m--) {
        const at = rng.int(0, html.length);
        html = rng.int(0, 1) === 0 ? html.slice(0, at) + html.slice(Math.min(html.length, at + rng.int(1, 20))) : html.slice(0, at) + rng.pick(SNIPPETS) + html.slice(at);
      }
      const memo = countingMemo();
      read(base, memo);
      memo.nextPage();
      const expected = await outcome(() => readInboxDom(html));
      expect(await outcome(() => parseInboxPageInSlices(html, { rowsPerSlice: 5, pause: () => Promise.resolve() }, memo)), html).toEqual(expected);

      memo.nextPage();
      const bytes = new TextEncoder().encode(html);
      const cut = rng.int(0, bytes.byteLength);
      const streamed = await outcome(() => {
        const stream = createInboxPageStream({ rowMemo: memo });
        stream.write(bytes.slice(0, cut));
        stream.write(bytes.slice(cut));
        return stream.end() ?? parseInboxPage(html);
      });
      // Bytes hold no lone surrogate (a cut may leave one): the reading is of the page they encode.
      const encoded = new TextDecoder().decode(bytes);
      expect(streamed, html).toEqual(encoded === html ? expected : await outcome(() => readInboxDom(encoded)));
      memoUsed += memo.hits > 0 ? 1 : 0;
    }
    expect(memoUsed).toBeGreaterThan(500);
  });
});
