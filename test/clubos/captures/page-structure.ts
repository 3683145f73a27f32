// The structure of a ClubOS page that the client relies on, reduced to comparable facts: its
// forms (field names, token lengths), the elements the readers select, the attributes of repeated
// items, and the key paths and value types of its view-data JSON. `missingFrom` lists what a
// capture has and the simulator's page lacks.
import { parse, type HTMLElement } from 'node-html-parser';
import { isJsonObject, readPageViewData } from '../../../main/clubos/parse/view-data';

export interface PageStructure {
  /** Form id (or `action` when it has none) → its field names and the lengths of its two tokens. */
  forms: Map<string, { fields: Set<string>; tokens: string }>;
  /** Selector → how many elements match. */
  selected: Map<string, number>;
  /** Item selector → attribute names of the first matching item. */
  itemAttributes: Map<string, Set<string>>;
  /** `window.<name>` key path → JSON type (`number`, `string`, `null`, …); arrays as `[]`. */
  jsonPaths: Map<string, string>;
}

export interface StructureSpec {
  selectors: readonly string[];
  items?: readonly string[];
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function collectPaths(value: unknown, path: string, into: Map<string, string>): void {
  into.set(path, jsonType(value));
  if (Array.isArray(value)) for (const item of value) collectPaths(item, `${path}[]`, into);
  else if (isJsonObject(value)) for (const [key, child] of Object.entries(value)) collectPaths(child, `${path}.${key}`, into);
}

function formKey(form: HTMLElement): string {
  return form.id !== '' ? `form#${form.id}` : `form[action="${form.getAttribute('action') ?? ''}"]`;
}

export function pageStructure(html: string, spec: StructureSpec): PageStructure {
  const root = parse(html);
  const forms = new Map<string, { fields: Set<string>; tokens: string }>();
  for (const form of root.querySelectorAll('form')) {
    const fields = new Set(form.querySelectorAll('input, select, textarea').map((c) => c.getAttribute('name') ?? '').filter((n) => n !== ''));
    const length = (name: string): number => form.querySelector(`input[name="${name}"]`)?.getAttribute('value')?.length ?? 0;
    forms.set(formKey(form), { fields, tokens: `${length('_sourcePage')}/${length('__fp')}` });
  }
  const selected = new Map(spec.selectors.map((s) => [s, root.querySelectorAll(s).length] as const));
  const itemAttributes = new Map(
    (spec.items ?? []).map((s) => [s, new Set(Object.keys(root.querySelector(s)?.attributes ?? {}).map((a) => a.toLowerCase()))] as const),
  );
  const jsonPaths = new Map<string, string>();
  const data = readPageViewData(root);
  // The window values the readers use: view-data objects and the zone string; not the page's config flags.
  for (const { name, value } of data.objects) if (/ViewData$/.test(name)) collectPaths(value, `window.${name}`, jsonPaths);
  for (const [name, value] of data.strings) if (/time ?zone/i.test(name)) collectPaths(value, `window.${name}`, jsonPaths);
  return { forms, selected, itemAttributes, jsonPaths };
}

/** What `capture` has that `sim` lacks or has in another form; empty when the simulator keeps it all. */
export function missingFrom(sim: PageStructure, capture: PageStructure): string[] {
  const missing: string[] = [];
  for (const [key, form] of capture.forms) {
    const mine = sim.forms.get(key);
    if (!mine) {
      missing.push(`${key} is missing`);
      continue;
    }
    for (const field of form.fields) if (!mine.fields.has(field)) missing.push(`${key} has no field ${field}`);
    if (mine.tokens !== form.tokens) missing.push(`${key} tokens are ${mine.tokens} characters, not ${form.tokens}`);
  }
  for (const [selector, count] of capture.selected) {
    if (count > 0 && (sim.selected.get(selector) ?? 0) === 0) missing.push(`no element matches ${selector}`);
  }
  for (const [selector, attributes] of capture.itemAttributes) {
    const mine = sim.itemAttributes.get(selector) ?? new Set();
    for (const a of attributes) if (!mine.has(a)) missing.push(`${selector} has no ${a} attribute`);
  }
  for (const [path, type] of capture.jsonPaths) {
    const mine = sim.jsonPaths.get(path);
    if (mine === undefined) missing.push(`${path} is missing`);
    else if (mine !== type) missing.push(`${path} is a ${mine}, not a ${type}`);
  }
  return missing;
}
