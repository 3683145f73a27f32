// Checks on what the window looks like that a screenshot shows but a DOM query would miss: text
// too faint to read (WCAG AA contrast) and content wider than its pane.
import type { Page } from 'playwright-core';

export interface ContrastIssue {
  text: string;
  element: string;
  ratio: number;
  required: number;
  color: string;
  background: string;
}

/**
 * Visible text in the app whose contrast with what is behind it is under WCAG AA (4.5:1, or 3:1
 * for large text). Disabled controls are exempt, as in WCAG. Backgrounds are solid colours here;
 * translucent layers are blended over the page canvas.
 */
export function lowContrastText(page: Page): Promise<ContrastIssue[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba => {
      const m = /rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\)/.exec(value);
      if (!m) return [0, 0, 0, 0];
      const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
      return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3] + bottom[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const mix = (i: 0 | 1 | 2): number => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
      return [mix(0), mix(1), mix(2), a];
    };
    const luminance = ([r, g, b]: Rgba): number => {
      const lin = (c: number): number => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const canvas: Rgba = window.matchMedia('(prefers-color-scheme: dark)').matches ? [18, 18, 18, 1] : [255, 255, 255, 1];
    const backgroundOf = (element: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let e: Element | null = element; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      return layers.reduceRight<Rgba>((below, layer) => over(layer, below), canvas);
    };
    const opacityOf = (element: Element): number => {
      let opacity = 1;
      for (let e: Element | null = element; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      return opacity;
    };
    const describe = (e: Element): string => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}`;

    const issues: ContrastIssue[] = [];
    const root = document.getElementById('root');
    if (!root) return issues;
    for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
      const text = Array.from(element.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (text === '') continue;
      if (element.closest(':disabled, [aria-disabled="true"], .sr-only')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width < 2 || rect.height < 2 || rect.bottom < 0 || rect.top > window.innerHeight) continue;
      const style = getComputedStyle(element);
      if (style.visibility !== 'visible') continue;
      const background = backgroundOf(element);
      const fg = parse(style.color);
      const color = over([fg[0], fg[1], fg[2], fg[3] * opacityOf(element)], background);
      const [l1, l2] = [luminance(color), luminance(background)].sort((a, b) => b - a) as [number, number];
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const required = large ? 3 : 4.5;
      if (ratio < required) {
        issues.push({
          text: text.slice(0, 40),
          element: describe(element),
          ratio: Math.round(ratio * 100) / 100,
          required,
          color: style.color,
          background: `rgb(${background.slice(0, 3).map(Math.round).join(', ')})`,
        });
      }
    }
    return issues;
  });
}

export interface Overflow {
  element: string;
  scrollWidth: number;
  clientWidth: number;
}

/** The page, or one of the given panes, scrolls sideways: something is wider than its box. */
export function horizontalOverflow(page: Page, selectors: readonly string[]): Promise<Overflow[]> {
  return page.evaluate((list) => {
    const found: Overflow[] = [];
    const check = (name: string, element: Element | null): void => {
      if (element && element.scrollWidth > element.clientWidth + 1) {
        found.push({ element: name, scrollWidth: element.scrollWidth, clientWidth: element.clientWidth });
      }
    };
    check('document', document.documentElement);
    for (const selector of list) for (const element of Array.from(document.querySelectorAll(selector))) check(selector, element);
    return found;
  }, selectors);
}
