// Fills a message's merge fields for one recipient. A field that is empty, unknown or unfilled
// blocks that recipient's text with a reason staff can act on; nothing ever goes out with a
// placeholder in it.
import { firstNameOf, UNKNOWN_FIRST_NAME } from '../intents/first-name';
import type { BusinessHoursPort } from './ports';

/** `{firstName}`; `{{firstName}}` is accepted too, since other tools write fields that way. */
const FIELD = /\{\{?\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}?\}/g;

/** Placeholder shapes a message must never carry once filled: leftover braces, `[First Name]`, `<name>`, `%NAME%`. */
const LEFTOVER = [
  /[{}]/,
  /\[\s*(first|last|member|full)?\s*_?name\s*\]/i,
  /<\s*(first|last|member|full)?\s*_?name\s*>/i,
  /%\s*(first|last|member)?_?name\s*%/i,
];

export interface Recipient {
  memberName: string;
}

export type MergeResult = { ok: true; text: string } | { ok: false; reason: string };

const MEMBER_FIELDS: Record<string, { label: string; value: (r: Recipient) => string | null }> = {
  firstName: {
    label: 'First name',
    value: (r) => {
      const first = firstNameOf(r.memberName);
      return first === UNKNOWN_FIRST_NAME ? null : first;
    },
  },
  lastName: {
    label: 'Last name',
    value: (r) => {
      const name = r.memberName.trim();
      if (name.includes(',')) return name.slice(0, name.indexOf(',')).trim() || null;
      const parts = name.split(/\s+/u).filter(Boolean);
      return parts.length > 1 ? (parts[parts.length - 1] ?? null) : null;
    },
  },
  fullName: { label: 'Full name', value: (r) => r.memberName.trim() || null },
};

export interface MergeFieldInfo {
  name: string;
  label: string;
}

export function mergeFieldCatalog(hours: BusinessHoursPort): MergeFieldInfo[] {
  return [...Object.entries(MEMBER_FIELDS).map(([name, f]) => ({ name, label: f.label })), ...hours.knowledgeFields()];
}

/** The field names a text uses, in order of first use. */
export function fieldsUsed(template: string): string[] {
  return [...new Set([...template.matchAll(FIELD)].map((m) => m[1] ?? ''))];
}

export function mergeMessage(template: string, recipient: Recipient, hours: BusinessHoursPort, at: number): MergeResult {
  if (template.trim() === '') return { ok: false, reason: 'the message is empty' };
  const known = new Set(hours.knowledgeFields().map((f) => f.name));
  const problems: string[] = [];
  const text = template.replace(FIELD, (whole, name: string) => {
    const member = MEMBER_FIELDS[name];
    let value: string | null;
    if (member) value = member.value(recipient);
    else if (known.has(name)) value = hours.knowledgeValue(name, at);
    else {
      problems.push(`{${name}} is not a merge field Frontdesk knows`);
      return whole;
    }
    if (value === null || value.trim() === '') {
      problems.push(member ? `no ${member.label.toLowerCase()} on file for ${recipient.memberName || 'this member'}` : `the gym's {${name}} is empty`);
      return whole;
    }
    return value.trim();
  });
  if (problems.length > 0) return { ok: false, reason: `Blocked: ${problems.join('; ')}` };
  const leftover = placeholderIn(text);
  if (leftover !== null) return { ok: false, reason: `Blocked: the message still contains a placeholder (${leftover})` };
  return { ok: true, text };
}

/** The first placeholder-looking piece of a text, or null when it has none. */
export function placeholderIn(text: string): string | null {
  for (const re of LEFTOVER) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  return null;
}
