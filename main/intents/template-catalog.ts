// Every suggested-reply template with the wording staff see, for the settings editor. Staff edits
// are overrides by template id (stored as a setting); the defaults stay in reply-templates.ts.
import type { ReplyTemplateEntry } from '../../common/contract';
import { INTENTS } from '../../common/intent-catalog';
import { defaultReplyTemplates } from './reply-templates';
import type { ReplyTemplateOverrides } from './suggest-replies';

export function templateCatalog(overrides: ReplyTemplateOverrides): ReplyTemplateEntry[] {
  return INTENTS.flatMap((intent) =>
    defaultReplyTemplates[intent].map((t) => {
      const edited = overrides[t.id];
      return { id: t.id, intent, text: typeof edited === 'string' ? edited : t.text, defaultText: t.text, edited: typeof edited === 'string' };
    }),
  );
}

export function isTemplateId(id: string): boolean {
  return INTENTS.some((intent) => defaultReplyTemplates[intent].some((t) => t.id === id));
}

/** The overrides after staff set one template's wording (`null`: back to the default). */
export function withTemplateText(overrides: ReplyTemplateOverrides, id: string, text: string | null): ReplyTemplateOverrides {
  const next: Record<string, string | null> = { ...overrides };
  if (text === null) delete next[id];
  else next[id] = text;
  return next;
}
