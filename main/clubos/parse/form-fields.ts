// What a browser would submit for a form: every named input, select and textarea in document
// order, checkboxes and radios only when checked, no buttons, nothing disabled.
import type { HTMLElement } from 'node-html-parser';
import { isElement } from './html-document';

export type FormField = readonly [name: string, value: string];

const NEVER_SUBMITTED = new Set(['submit', 'button', 'reset', 'image', 'file']);

export function countFormControls(form: HTMLElement): number {
  return controlsOf(form).length;
}

export function scrapeFormFields(form: HTMLElement): FormField[] {
  const fields: FormField[] = [];
  for (const control of controlsOf(form)) {
    const name = control.getAttribute('name') ?? '';
    if (name === '' || control.hasAttribute('disabled')) continue;
    if (control.tagName === 'TEXTAREA') fields.push([name, control.text]);
    else if (control.tagName === 'SELECT') for (const value of selectedValues(control)) fields.push([name, value]);
    else {
      const type = (control.getAttribute('type') ?? 'text').toLowerCase();
      if (NEVER_SUBMITTED.has(type)) continue;
      if ((type === 'checkbox' || type === 'radio') && !control.hasAttribute('checked')) continue;
      const fallback = type === 'checkbox' || type === 'radio' ? 'on' : '';
      fields.push([name, control.getAttribute('value') ?? fallback]);
    }
  }
  return fields;
}

function controlsOf(form: HTMLElement): HTMLElement[] {
  const found: HTMLElement[] = [];
  const walk = (element: HTMLElement): void => {
    for (const child of element.childNodes) {
      if (!isElement(child)) continue;
      if (child.tagName === 'INPUT' || child.tagName === 'SELECT' || child.tagName === 'TEXTAREA') found.push(child);
      // A select's options and a textarea's text are read from the control itself.
      if (child.tagName !== 'SELECT' && child.tagName !== 'TEXTAREA') walk(child);
    }
  };
  walk(form);
  return found;
}

function selectedValues(select: HTMLElement): string[] {
  const options = select.querySelectorAll('option').filter((o) => !o.hasAttribute('disabled'));
  const valueOf = (option: HTMLElement): string => option.getAttribute('value') ?? option.text.trim();
  const selected = options.filter((o) => o.hasAttribute('selected'));
  if (select.hasAttribute('multiple')) return selected.map(valueOf);
  // Like a browser: the last selected option wins, else the first option.
  const chosen = selected[selected.length - 1] ?? options[0];
  return chosen ? [valueOf(chosen)] : [];
}
