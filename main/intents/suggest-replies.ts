// Suggested replies offered to staff for a conversation's intent. Nothing here sends anything:
// staff pick, edit and send; the conversation manager records `ai_responded` when they do.
import { z } from 'zod';
import type { Suggestion } from '../../common/contract';
import type { Intent } from '../../common/intent-catalog';
import { firstNameOf } from './first-name';
import { FIRST_NAME_PLACEHOLDER, defaultReplyTemplates, type ReplyTemplate } from './reply-templates';
import type { SuggestionSituation } from './suggestion-situation';

/**
 * Staff edits by template id: a string replaces the wording, null hides the template. Parsed with
 * `replyTemplateOverridesSchema` wherever it comes from (settings file, IPC).
 */
export type ReplyTemplateOverrides = Readonly<Record<string, string | null>>;

export const replyTemplateOverridesSchema = z.record(
  z.string().min(1).max(100),
  z.string().trim().min(1).max(2000).nullable(),
);

export function suggestReplies(
  intent: Intent,
  memberName: string | null | undefined,
  overrides: ReplyTemplateOverrides = {},
  templates: Readonly<Record<Intent, readonly ReplyTemplate[]>> = defaultReplyTemplates,
  situation: SuggestionSituation | null = null,
): Suggestion[] {
  const firstName = firstNameOf(memberName);
  return templates[intent].flatMap((template) => {
    if (template.onlyWhen !== undefined && template.onlyWhen !== situation) return [];
    if (template.notWhen !== undefined && template.notWhen === situation) return [];
    const text = Object.hasOwn(overrides, template.id) ? overrides[template.id] : template.text;
    // Null, or an edit that left nothing to say, hides the template rather than offering a blank.
    if (text === null || text === undefined || text.trim() === '') return [];
    return [{ id: template.id, intent, text: text.replaceAll(FIRST_NAME_PLACEHOLDER, firstName) }];
  });
}
