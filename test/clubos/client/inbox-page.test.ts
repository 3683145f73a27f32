process.env.TZ = 'Asia/Tokyo';

import { describe, expect, it } from 'vitest';
import { ClubOSError } from '../../../common/errors/clubos-error';
import { readInboxSnapshot } from '../../../main/clubos/inbox-snapshot';
import { parseInboxPage } from '../../../main/clubos/parse/inbox-page';
import { zonedToEpoch } from '../../../common/time/club-time';
import { fixture } from './fixtures';

const CHI = 'America/Chicago';
const NOW = zonedToEpoch({ year: 2026, month: 12, day: 8, hour: 10, minute: 0 }, CHI);

function parseError(html: string): ClubOSError {
  try {
    parseInboxPage(html);
  } catch (e) {
    if (e instanceof ClubOSError) return e;
    throw e;
  }
  throw new Error('expected the page to be refused');
}

describe('inbox page', () => {
  it('reads rows with member ids, newest first, as a typed snapshot', () => {
    const snap = readInboxSnapshot(fixture('inbox-with-ids.html'), { ownerId: '187032782', fetchedAt: NOW, timeZone: CHI });
    expect(snap).toMatchObject({ ownerId: '187032782', fetchedAt: NOW, timeZone: CHI });
    expect(snap.rows).toEqual([
      { senderName: 'Jane Doe', memberId: '123456789', body: 'See you at 10\nThanks!', label: '9:30 AM', localDate: '2026-12-08', localTime: '09:30', position: 0 },
      {
        senderName: 'Marcus Lee',
        memberId: '223344556',
        body: 'STOP - OPT OUT message received.  Texting has been disabled.',
        label: '12:05 AM',
        localDate: '2026-12-08',
        localTime: '00:05',
        position: 1,
      },
      { senderName: 'Jane Doe', memberId: '123456789', body: 'Ok', label: 'Dec 7', localDate: '2026-12-07', localTime: null, position: 2 },
      { senderName: 'Jane Doe', memberId: '123456789', body: 'Ok', label: 'Dec 7', localDate: '2026-12-07', localTime: null, position: 3 },
      {
        senderName: 'Priya Natarajan',
        memberId: '998877665',
        body: 'CONFIRM - Personal Training at 6:00 PM on Dec 9, 2026 has been confirmed.',
        label: 'Nov 30',
        localDate: '2026-11-30',
        localTime: null,
        position: 4,
      },
    ]);
  });

  it('reads rows whose name link carries no id', () => {
    const rows = parseInboxPage(fixture('inbox-without-ids.html'));
    expect(rows.map((r) => [r.senderName, r.memberId, r.body, r.label])).toEqual([
      ['Jane Doe', null, 'Can we move Thursday to 3:30?', '11:58 PM'],
      ['Tomás Ibáñez', null, 'Hola, ¿a qué hora abren mañana?', 'Jan 2'],
    ]);
  });

  it('keeps hostile bodies as plain text: markup-looking text, entities, 900 characters, emoji, accents, line breaks', () => {
    const rows = parseInboxPage(fixture('inbox-hostile.html'));
    expect(rows.map((r) => r.body)).toEqual([
      '<script>alert("x")</script>',
      '<img src=x onerror=alert(1)> &amp; Tom & Jerry\'s "gym" 😀',
      fixture('hostile-long-body.txt'),
      // Only the ends are trimmed: spaces next to a line break are the member's.
      'Línea uno 💪🏽  \n   línea dos: ¿mañana?\n\nGracias 🙏',
    ]);
    expect([...(rows[2]?.body ?? '')]).toHaveLength(900);
    expect(rows[0]?.senderName).toBe('Mallory <b>Evil</b>');
    expect(rows[0]?.memberId).toBe('555000111');
    // The sender's name is never glued onto the body.
    for (const row of rows) expect(row.body.startsWith(row.senderName)).toBe(false);
  });

  it('takes only the text of markup inside a body, never the markup', () => {
    const html =
      '<ul class="message-list"><li class="message-item"><div class="message"><h3><a class="username-content" href="#">Eve</a></h3>' +
      '<p>hi <b>there</b><script>steal()</script> <a href="http://x">link</a></p></div>' +
      '<div class="message-options"><span>9:00 AM</span></div></li></ul>';
    expect(parseInboxPage(html)[0]?.body).toBe('hi theresteal() link');
  });

  it('accepts an empty inbox only with its "No messages" marker', () => {
    expect(parseInboxPage(fixture('inbox-empty.html'))).toEqual([]);
    expect(parseError(fixture('inbox-empty-without-marker.html')).kind).toBe('parse');
  });

  it.each([
    ['inbox-truncated.html', /truncated/],
    ['inbox-garbled.html', /row 1 has no div.message/],
    ['inbox-missing-label.html', /row 0 has no time label/],
    ['inbox-missing-name.html', /row 0 has no sender name/],
  ])('refuses %s with a parse error instead of a shorter list', (name, message) => {
    const error = parseError(fixture(name));
    expect(error.kind).toBe('parse');
    expect(error.message).toMatch(message);
  });

  it('refuses every truncation of a good page, wherever it is cut', () => {
    const page = fixture('inbox-with-ids.html').trimEnd();
    for (let cut = 1; cut < page.length; cut++) {
      expect(() => parseInboxPage(page.slice(0, cut)), `cut at ${cut}`).toThrow(ClubOSError);
    }
  });

  it('refuses pages that are not the fragment', () => {
    expect(parseError('').kind).toBe('parse');
    expect(parseError('<html><body><h1>Maintenance</h1></body></html>').kind).toBe('parse');
    expect(parseError('<ul class="message-list"><li class="message-item"></li></ul>').message).toMatch(/row 0/);
    expect(parseError('<ul class="message-list"><div>x</div></ul>').message).toMatch(/not an li/);
    expect(parseError('<ul class="message-list">stray<li></li></ul>').message).toMatch(/stray text/);
    expect(parseError(fixture('inbox-with-ids.html') + '<div class="oops">').kind).toBe('parse');
    expect(parseError(fixture('inbox-with-ids.html').replace('9:30 AM', '9:30')).message).toMatch(/neither/);
    expect(parseError(fixture('inbox-with-ids.html').replace('<p>Ok</p>', '')).message).toMatch(/row 2 has no body/);
  });

  it('calls a login page in place of the fragment a lost session', () => {
    const error = parseError(fixture('login-page.html'));
    expect(error.kind).toBe('session');
  });
});
