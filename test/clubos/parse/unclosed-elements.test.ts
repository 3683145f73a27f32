// A page that leaves thousands of elements open would cost the main thread tens of seconds of
// repair in the HTML parser: it is refused before it becomes a tree. Real pages pass.
import { describe, expect, it } from 'vitest';
import { ClubOSError } from '../../../common/errors/clubos-error';
import { parseHtml } from '../../../main/clubos/parse/html-document';
import { countUnclosedElements, MAX_UNCLOSED_ELEMENTS } from '../../../main/clubos/parse/unclosed-elements';
import { readCapture } from '../captures/capture-files';

describe('counting unclosed elements', () => {
  it('finds none in the real ClubOS pages', () => {
    for (const file of ['login-page.html', 'dashboard-after-delegate.html', 'user-search-results.html'] as const) {
      expect(countUnclosedElements(readCapture(file)), file).toBe(0);
    }
  });

  it('counts opened and never closed, per tag; void, self-closing, comments and raw text open nothing', () => {
    expect(countUnclosedElements('<ul><li>a<li>b</ul>')).toBe(2);
    expect(countUnclosedElements('<p>a<br><img src=x><input/><hr /></p>')).toBe(0);
    expect(countUnclosedElements('<div><!-- <div><div> --></div>')).toBe(0);
    expect(countUnclosedElements('<script>if (a <b && c) { "<div>" }</script><style>a<b{}</STYLE>')).toBe(0);
    expect(countUnclosedElements('<DIV><span></div>')).toBe(1);
    // A stray end tag closes nothing that was not opened.
    expect(countUnclosedElements('</div></div><div>')).toBe(1);
    expect(countUnclosedElements('a < b and 3<4 <')).toBe(0);
  });
});

describe('parseHtml', () => {
  it('refuses a page that leaves more elements open than any real page, as a parse error that names the page', () => {
    const options = `<select>${'<option>x'.repeat(MAX_UNCLOSED_ELEMENTS + 1)}</select>`;
    const nested = `<html><body>${'<li><div><p>x'.repeat(20_000)}</body></html>`;
    for (const html of [options, nested]) {
      let error: unknown;
      try {
        parseHtml(html, 'the inbox');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ClubOSError);
      const { kind, message } = error as ClubOSError;
      expect(kind).toBe('parse');
      expect(message).toMatch(/^the inbox leaves \d+ elements unclosed/);
    }
  });

  it('still reads a page with a few unclosed elements', () => {
    const root = parseHtml(`<ul>${'<li>x'.repeat(50)}</ul><p id="after">end</p>`, 'a page');
    expect(root.querySelectorAll('li').length).toBeGreaterThan(0);
    expect(root.querySelector('#after')?.text).toBe('end');
  });
});
