// Single-key shortcuts, as in mail apps. They never fire while the user types, and never with
// Ctrl/Cmd/Alt (those belong to the system and the menu).
export type Shortcut =
  | 'next'
  | 'previous'
  | 'resolve'
  | 'archive'
  | 'snooze'
  | 'handled'
  | 'assignMe'
  | 'assign'
  | 'markUnread'
  | 'markRead'
  | 'reply'
  | 'search'
  | 'help'
  | 'undo'
  | 'escape';

export interface ShortcutHelp {
  keys: string;
  description: string;
}

export const SHORTCUT_HELP: readonly ShortcutHelp[] = [
  { keys: 'j', description: 'Next conversation' },
  { keys: 'k', description: 'Previous conversation' },
  { keys: 'e', description: 'Resolve the conversation' },
  { keys: 'a', description: 'Archive the conversation' },
  { keys: 's', description: 'Snooze the conversation (pick when it comes back)' },
  { keys: 'h', description: 'Mark handled: nothing to answer, it leaves Needs reply' },
  { keys: 'm', description: 'Assign the conversation to me (again: unassign)' },
  { keys: 'Shift+M', description: 'Assign the conversation to someone (pick who)' },
  { keys: 'u', description: 'Mark the conversation unread' },
  { keys: 'Shift+I', description: 'Mark the conversation read' },
  { keys: 'z', description: 'Undo the last resolve, archive, snooze or handled (while the toast shows)' },
  { keys: 'r', description: 'Reply' },
  { keys: '/', description: 'Search messages' },
  { keys: '?', description: 'Show keyboard shortcuts' },
  { keys: 'Esc', description: 'Leave the reply box; close a dialog or the search results' },
  { keys: '1–9', description: 'Insert that suggested reply (in the reply box’s suggestions)' },
  { keys: 'Ctrl+Enter', description: 'Send the reply (⌘+Enter on a Mac)' },
];

const KEYS: Readonly<Record<string, Shortcut>> = {
  j: 'next',
  k: 'previous',
  e: 'resolve',
  a: 'archive',
  s: 'snooze',
  h: 'handled',
  m: 'assignMe',
  M: 'assign',
  u: 'markUnread',
  I: 'markRead',
  z: 'undo',
  r: 'reply',
  '/': 'search',
  '?': 'help',
};

const NON_TEXT_INPUTS: ReadonlySet<string> = new Set(['button', 'checkbox', 'radio', 'range', 'reset', 'submit', 'color', 'file', 'image']);

/** True when keys typed at `target` are text, not commands. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return false;
}

export function shortcutFor(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  target: EventTarget | null,
): Shortcut | null {
  if (event.key === 'Escape') return 'escape';
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(target)) return null;
  return KEYS[event.key] ?? null;
}
