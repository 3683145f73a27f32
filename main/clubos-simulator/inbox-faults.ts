// Broken inbox pages a client must reject as a whole (a `parse` error), never read as a shorter list.
import { escapeHtml } from './escape-html';
import type { Random } from './random';
import type { SimMessage } from './types';

/** The fragment cut off somewhere before its closing `</ul>`, as a dropped connection leaves it. */
export function truncateFragment(html: string, rng: Random): string {
  const end = html.lastIndexOf('</ul>');
  const limit = end > 1 ? end : html.length - 1;
  const from = Math.min(Math.floor(limit * 0.3), limit - 1);
  return html.slice(0, rng.int(Math.max(1, from), limit - 1));
}

export type GarbleKind = 'errorPage' | 'flattened' | 'classless';

/** The inbox with its structure broken: an error page at 200, rows without their divs, or no classes. */
export function garbledInbox(messages: readonly SimMessage[], kind: GarbleKind): string {
  switch (kind) {
    case 'errorPage':
      return `<html><head><title>Error</title></head><body><h1>HTTP Status 500 - Internal Server Error</h1>
<p><b>Type</b> Exception Report</p>
<pre>java.lang.NullPointerException
	at net.sourceforge.stripes.controller.DispatcherHelper.invokeEventHandler(DispatcherHelper.java:467)</pre>
</body></html>\n`;
    case 'flattened': {
      const rows = messages.length > 0 ? messages.map((m) => `${escapeHtml(m.senderName)} ${escapeHtml(m.body)}`) : ['undefined'];
      return `<ul class="message-list">\n${rows.map((r) => `  <li class="message-item">${r}</li>`).join('\n')}\n</ul>\n`;
    }
    case 'classless': {
      const rows = messages.map(
        (m) => `  <li><div><h3><a href="#">${escapeHtml(m.senderName)}</a></h3><p>${escapeHtml(m.body)}</p></div><div><b>?</b></div></li>`,
      );
      return `<ul>\n${rows.join('\n')}\n</ul>\n`;
    }
  }
}

export const GARBLE_KINDS: readonly GarbleKind[] = ['errorPage', 'flattened', 'classless'];
