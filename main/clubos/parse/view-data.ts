// The JSON a ClubOS page embeds for its scripts: `window.<name>ViewData = {...}` objects and
// plain `window.<name> = "..."` values. Which objects a page carries depends on the page and the
// role, so readers look for what they need by meaning across all of them (club-facts.ts).
import type { HTMLElement } from 'node-html-parser';
import { readWindowAssignments } from './script-json';

export type JsonObject = Readonly<Record<string, unknown>>;

export interface PageViewData {
  /** Every JSON object assigned to `window.*`, in page order (`recentLeadsListViewData` first when present). */
  objects: ReadonlyArray<{ name: string; value: JsonObject }>;
  /** Every string assigned to `window.*` (`loggedInUserTimezone`). */
  strings: ReadonlyMap<string, string>;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readPageViewData(root: HTMLElement): PageViewData {
  const objects: Array<{ name: string; value: JsonObject }> = [];
  const strings = new Map<string, string>();
  for (const script of root.querySelectorAll('script')) {
    if (script.hasAttribute('src')) continue;
    const text = script.rawText;
    if (!text.includes('window.')) continue;
    for (const { name, value } of readWindowAssignments(text)) {
      if (typeof value === 'string') {
        if (!strings.has(name)) strings.set(name, value);
      } else if (isJsonObject(value)) objects.push({ name, value });
    }
  }
  // View-data objects first: they describe the page's user; other window objects are config.
  objects.sort((a, b) => Number(!/ViewData$/.test(a.name)) - Number(!/ViewData$/.test(b.name)));
  return { objects, strings };
}

/** Names of the view-data objects, for error messages ("looked in recentLeadsListViewData"). */
export function describeViewData(data: PageViewData): string {
  const names = data.objects.map((o) => `window.${o.name}`);
  return names.length === 0 ? 'no window.*ViewData object on the page' : names.join(', ');
}
