// Replies: suggested wording for a conversation, the staff's own wording of the templates, and
// sending (through the outbox, stored when ClubOS confirmed; see send-reply.ts).
import type { Args, Message, ReplyTemplateEntry, Suggestion } from '../../common/contract';
import { AppError } from '../../common/errors/app-error';
import type { FrontdeskDb } from '../../db';
import { replyTemplateOverridesSchema, suggestReplies, type ReplyTemplateOverrides } from '../intents/suggest-replies';
import { suggestionSituation } from '../intents/suggestion-situation';
import { isTemplateId, templateCatalog, withTemplateText } from '../intents/template-catalog';
import type { Outbox } from '../outreach/outbox';
import type { Session } from './account-session';
import type { ConversationEvents } from './change-feed';
import type { ConversationService } from './conversation-service';
import { sendReply } from './send-reply';

const TEMPLATE_OVERRIDES_KEY = 'replyTemplates';

export interface ReplyService {
  suggest(conversationId: number): Suggestion[];
  templates(): ReplyTemplateEntry[];
  /** Staff wording for one template; null restores the default. */
  setTemplate(id: string, text: string | null): ReplyTemplateEntry[];
  send(args: Args<'sendReply'>): Promise<Message>;
}

export function createReplyService(deps: {
  /** Reply templates are app-wide, so they live in the app database, not the account's. */
  appDb: FrontdeskDb;
  session: () => Session;
  conversations: Pick<ConversationService, 'get'>;
  changes: ConversationEvents;
  /** Every reply is written to the outbox before it is posted (sent at most once). */
  outbox: Outbox;
  /** Told of each reply a person sent, while its account is still the current one. */
  onSent?: (args: Args<'sendReply'>, message: Message) => Promise<void>;
  /** Team mode: refuses a send that collides with someone else's reply (unless confirmed), and records who sent it. */
  team?: { assertNoCollision(conversationId: number): void; recordAuthor(messageId: number): void };
}): ReplyService {
  const overrides = (): ReplyTemplateOverrides => deps.appDb.settings.get(TEMPLATE_OVERRIDES_KEY, replyTemplateOverridesSchema) ?? {};
  return {
    suggest(conversationId) {
      const c = deps.conversations.get(conversationId);
      // The member's newest words pick between wordings (e.g. a thank-you gets no sales pitch).
      const newest = deps.session().db.messages.page({ conversationId, limit: 20 }).items.filter((m) => m.direction !== 'outbound').at(-1);
      return suggestReplies(c.intent ?? 'general_inquiry', c.memberName, overrides(), undefined, suggestionSituation(newest?.body));
    },
    templates: () => templateCatalog(overrides()),
    setTemplate(id, text) {
      if (!isTemplateId(id)) throw new AppError('not_found', `There is no reply template ${id}.`);
      const next = withTemplateText(overrides(), id, text);
      deps.appDb.settings.set(TEMPLATE_OVERRIDES_KEY, { ...next });
      return templateCatalog(next);
    },
    async send(args) {
      const current = deps.session();
      if (!args.confirmCollision) deps.team?.assertNoCollision(args.conversationId);
      const message = await sendReply(current.db, current.client, await current.clubContext(), deps.outbox, args);
      if (deps.session() === current) deps.team?.recordAuthor(message.id);
      if (deps.onSent && deps.session() === current) await deps.onSent(args, message);
      deps.changes.updated(current.db, deps.conversations.get(message.conversationId));
      return message;
    },
  };
}
