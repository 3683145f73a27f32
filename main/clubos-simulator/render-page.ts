// The full-page shell of ClubOS views (login, dashboard, profile, search). Pages that name the
// user's zone do it in the head, as the captured dashboard and search page do.
import { escapeHtml, jsonForScript } from './escape-html';

export function renderPage(title: string, body: string, head?: { timeZone?: string | null }): string {
  const zone = head?.timeZone ? [`<script>`, `  window.loggedInUserTimezone = ${jsonForScript(head.timeZone)};`, `</script>`] : [];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>ClubOS - ${escapeHtml(title)}</title>`,
    ...zone,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
