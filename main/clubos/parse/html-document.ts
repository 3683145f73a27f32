// The one place ClubOS HTML is turned into a tree. node-html-parser quietly repairs broken markup,
// so pages whose completeness matters are also checked for balance: a truncated page must fail,
// not come back shorter.
import { HTMLElement, NodeType, parse, TextNode, valid, type Node } from 'node-html-parser';
import { ClubOSError } from '../../../common/errors/clubos-error';

export function parseHtml(html: string, what: string): HTMLElement {
  try {
    return parse(html);
  } catch (cause) {
    throw new ClubOSError('parse', `${what} is not HTML`, undefined, { cause });
  }
}

/**
 * Throws `parse` unless every element the page opens is closed. node-html-parser would repair a
 * truncated page silently, so pages whose completeness matters are checked before they are read.
 */
export function requireBalanced(html: string, what: string): void {
  let balanced: boolean;
  try {
    balanced = valid(html);
  } catch (cause) {
    throw new ClubOSError('parse', `${what} is not HTML`, undefined, { cause });
  }
  if (!balanced) throw new ClubOSError('parse', `${what} is truncated or unbalanced`);
}

/** The first child element with that tag (upper case) and, if given, that class. */
export function childElement(parent: HTMLElement, tagName: string, className?: string): HTMLElement | undefined {
  return parent.children.find((c) => c.tagName === tagName && (className === undefined || c.classList.contains(className)));
}

/** ClubOS hands a page-based client its login form when the session is gone. */
export function isLoginPage(root: HTMLElement): boolean {
  return root.querySelector('form#loginForm') !== null || root.querySelector('form[action="/action/Login"]') !== null;
}

/** Throws `session` when ClubOS answered with its login page instead of the page asked for. */
export function rejectLoginPage(root: HTMLElement, what: string): void {
  if (isLoginPage(root)) throw new ClubOSError('session', `ClubOS answered ${what} with its login page`);
}

export function isElement(node: Node): node is HTMLElement {
  return node.nodeType === NodeType.ELEMENT_NODE && node instanceof HTMLElement;
}

export function isText(node: Node): node is TextNode {
  return node.nodeType === NodeType.TEXT_NODE && node instanceof TextNode;
}

/**
 * Text of an element as a person reads it: entities decoded, `<br>` as a line break, each line
 * trimmed, blank lines at both ends dropped. Markup inside is never interpreted, only its text kept.
 */
export function readableText(element: HTMLElement): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (isText(node)) parts.push(node.text);
    else if (isElement(node)) {
      if (node.tagName === 'BR') parts.push('\n');
      else node.childNodes.forEach(walk);
    }
  };
  element.childNodes.forEach(walk);
  return tidyLines(parts.join(''));
}

/**
 * Line breaks normalized and the text's two ends trimmed (markup around the text, not the
 * sender's). Whitespace inside, next to a line break too, is what the member typed and is kept.
 */
export function tidyLines(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** Text with every run of whitespace collapsed: names, labels, one-line replies. */
export function collapsedText(element: HTMLElement): string {
  return element.text.replace(/\s+/g, ' ').trim();
}
