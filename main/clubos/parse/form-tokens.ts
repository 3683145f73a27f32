import type { HTMLElement } from 'node-html-parser';

/** The Stripes anti-forgery pair every ClubOS form carries; valid for one post. */
export interface FormTokens {
  sourcePage: string;
  fp: string;
}

/**
 * The tokens of `form`, or null when either is missing or empty. Only the form's own pair: a
 * ClubOS page holds several forms, each with its own (MARKUP.md).
 */
export function readFormTokens(form: HTMLElement): FormTokens | null {
  const sourcePage = form.querySelector('input[name="_sourcePage"]')?.getAttribute('value') ?? '';
  const fp = form.querySelector('input[name="__fp"]')?.getAttribute('value') ?? '';
  return sourcePage !== '' && fp !== '' ? { sourcePage, fp } : null;
}
