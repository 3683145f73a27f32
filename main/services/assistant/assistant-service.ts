// The front-desk assistant as one service: it reads each new member text, drafts from the gym's
// knowledge, decides (nothing / suggest / queue / send by itself) and writes every step to the
// append-only action log. It also serves the composer's drafts (rules, or a model when staff set
// one up), the approval queue, Knowledge and the assistant settings.
import type { FrontdeskDb } from '../../../db';
import type { ActionLogEntry, Args, AssistantDraft, AssistantState, DraftResult, KnowledgeState, Message, Result } from '../../../common/contract';
import type { ClubContext } from '../../clubos/types';
import { AppError, toApiError } from '../../../common/errors/app-error';
import type { EventBus } from '../../../common/event-bus';
import type { SecretStore } from '../secret-store';
import type { ConversationEvents } from '../change-feed';
import { buildActionRecord, parseActionRecord, type AiActionTaken } from '../../intents/action-record';
import { CLASSIFIER_VERSION } from '../../intents/classifier';
import type { Logger } from '../../../common/log/logger';
import type { Clock } from '../../../common/time/clock';
import { csvHeader, csvRow } from './action-log-csv';
import { afterHoursText } from './after-hours';
import { assess, type Assessment } from './assess';
import { assistantSettingsSchema, DEFAULT_ASSISTANT_SETTINGS, type AssistantSettings } from '../../../common/assistant-settings';
import { closedPeriodStart, isStaffedAt, nextStaffedOpening } from './business-hours';
import { knowledgeCorpus } from './facts';
import { checkDraft, describeFailure } from './guards';
import { EMPTY_KNOWLEDGE, knowledgeFileSchema, type Knowledge, type KnowledgeFile } from '../../../common/knowledge';
import { memberContext, type ThreadMessage } from './member-context';
import { REFUSAL_LABELS, hardRefusals } from './policy';
import { buildPrompt } from './prompt';
import { ProviderError, streamChat, type ProviderConfig } from './provider';
import { draftReply } from './drafting';
import { safetyFlags } from './safety';

const SETTINGS_KEY = 'assistant';
/** Kinds that count against the hourly cap and the one-per-turn rule: logged before sending. */
export const AUTO_SEND_KINDS = ['auto_send_started', 'after_hours_ack_started'] as const;
/** A text older than this when it is first seen is never answered automatically. */
const STALE_AFTER_MS = 6 * 3_600_000;
const THREAD_LIMIT = 60;
/** The member's newest text is assessed only when it is this recent. */
const IGNORE_AFTER_MS = 48 * 3_600_000;

/** What the assistant needs of the current account session. */
export interface AssistantSession {
  readonly db: FrontdeskDb;
  clubContext(): Promise<ClubContext>;
  /** Sends through ClubOS and stores the reply (main/conversations/send-reply.ts). */
  /** Through the outbox; `actor` names who sends in the action log. */
  send(args: Args<'sendReply'>, actor: string): Promise<Message>;
}

export interface AssistantDeps {
  /** The app database: Knowledge and the assistant settings are app-wide. */
  appDb: FrontdeskDb;
  session(): AssistantSession;
  clock: Clock;
  logger: Logger;
  /** For the approval queue's size and composer drafts as they stream. */
  events: EventBus;
  /** Announces what an automatic or approved send changed, as every other write does. */
  changes: ConversationEvents;
  modelKey: SecretStore;
  /** Test seam: the model client. */
  chat?: typeof streamChat;
}

export interface AssistantService {
  /** New member texts arrived (not a quiet import): assess the newest text of each conversation. */
  onMessagesAdded(conversationIds: readonly number[]): Promise<void>;
  /** Resolves when every assessment started so far has finished. */
  idle(): Promise<void>;
  knowledge(): Knowledge;
  getKnowledge(): KnowledgeState;
  saveKnowledge(knowledge: Knowledge, source?: 'edit' | 'import'): KnowledgeState;
  exportKnowledge(): { fileName: string; content: string };
  importKnowledge(content: string): KnowledgeState;
  settings(): AssistantSettings;
  getState(): Promise<AssistantState>;
  setSettings(settings: AssistantSettings): Promise<AssistantState>;
  setApiKey(apiKey: string | null): Promise<AssistantState>;
  draftForComposer(conversationId: number, requestId: string): Promise<DraftResult>;
  openDraft(conversationId: number): AssistantDraft | null;
  listQueue(): AssistantDraft[];
  pendingCount(): number;
  decideDraft(args: Args<'decideDraft'>): Promise<AssistantDraft>;
  approveMany(ids: readonly number[]): Promise<Result<'approveDrafts'>>;
  /** A person sent a reply (from the composer): closes the draft it came from and logs the send. */
  recordStaffSend(args: Args<'sendReply'>, message: Message): Promise<void>;
  listActions(args: Args<'listActions'>): ActionLogEntry[];
  exportActionLog(): { fileName: string; content: string };
  /** Business hours for other features (scheduled sends). */
  isStaffedAt(epochMs: number, timeZone: string): boolean;
  nextStaffedOpening(epochMs: number, timeZone: string): number | null;
}


export function createAssistantService(deps: AssistantDeps): AssistantService {
  const { appDb, clock, events } = deps;
  const log = deps.logger.scope('assistant');
  const chat = deps.chat ?? streamChat;
  let chain: Promise<void> = Promise.resolve();
  /** Set while a batch of new texts is assessed; the queue's new size is announced once, after the batch. */
  let queueTouched = false;
  const inFlight = new Set<number>();
  let cachedSettings: AssistantSettings | null = null;

  const settings = (): AssistantSettings =>
    (cachedSettings ??= { ...DEFAULT_ASSISTANT_SETTINGS, ...(appDb.settings.get(SETTINGS_KEY, assistantSettingsSchema) ?? {}) });
  const knowledgeVersion = () => appDb.knowledge.current();
  const knowledge = (): Knowledge => knowledgeVersion()?.knowledge ?? EMPTY_KNOWLEDGE;
  const knowledgeState = (): KnowledgeState => {
    const v = knowledgeVersion();
    return { knowledge: v?.knowledge ?? EMPTY_KNOWLEDGE, version: v?.version ?? null, savedAt: v?.savedAt ?? null };
  };
  const state = async (): Promise<AssistantState> => ({
    settings: settings(),
    apiKeyStored: (await deps.modelKey.load()) !== null,
    secretStorage: await deps.modelKey.level(),
  });

  const emitQueue = (db: FrontdeskDb): void => {
    events.emit({ type: 'approvalQueueChanged', pending: db.drafts.pendingCount() });
  };

  const threadOf = (db: FrontdeskDb, conversationId: number): Message[] => db.messages.page({ conversationId, limit: THREAD_LIMIT }).items;
  const asThread = (messages: readonly Message[]): ThreadMessage[] => messages.map((m) => ({ direction: m.direction, body: m.body, sentAt: m.sentAt }));

  /** Automatic sends since the member last heard from a person in this conversation. */
  function autoRepliesThisTurn(db: FrontdeskDb, conversationId: number, thread: readonly Message[]): number {
    const autoActions = db.actionLog.list({ conversationId, kinds: [...AUTO_SEND_KINDS, 'auto_sent', 'after_hours_ack'], limit: 500 });
    const autoMessageIds = new Set(autoActions.map((a) => a.detail.sentMessageId).filter((v): v is number => typeof v === 'number'));
    const lastPerson = [...thread].reverse().find((m) => m.direction === 'outbound' && !autoMessageIds.has(m.id));
    const since = lastPerson?.sentAt ?? '';
    return autoActions.filter((a) => (AUTO_SEND_KINDS as readonly string[]).includes(a.kind) && a.at > since).length;
  }

  const autoRepliesLastHour = (db: FrontdeskDb): number =>
    db.actionLog.countSince(AUTO_SEND_KINDS, new Date(clock.now() - 3_600_000).toISOString());

  function writeActionTaken(db: FrontdeskDb, message: Message, assessment: Assessment, action: AiActionTaken['action'], draftId: number | null, by?: string): void {
    const previous = parseActionRecord(db.messages.actionTaken(message.id));
    const base: AiActionTaken =
      previous ??
      buildActionRecord({
        intent: assessment.classification.intent,
        confidence: assessment.classification.confidence,
        needsReply: assessment.classification.needsReply,
        version: CLASSIFIER_VERSION,
        signals: [],
      });
    const record: AiActionTaken = {
      ...base,
      action,
      assistant: {
        decision: assessment.policy.decision,
        reasons: assessment.policy.refused,
        flags: assessment.flags,
        draftId,
        facts: assessment.draft.facts.map((f) => f.id),
        ...(by ? { by } : {}),
      },
    };
    db.messages.setActionTaken(message.id, record);
  }

  async function processConversation(session: AssistantSession, conversationId: number): Promise<void> {
    const { db } = session;
    const conversation = db.conversations.get(conversationId);
    if (!conversation) return;
    const thread = threadOf(db, conversationId);
    const message = [...thread].reverse().find((m) => m.direction === 'inbound');
    // A person answered (in ClubOS, or another Frontdesk): drafts for earlier texts would go twice.
    if (thread.at(-1)?.direction === 'outbound') {
      if (supersedeAnswered(db, conversationId, 'answered_elsewhere') > 0) queueTouched = true;
      return;
    }
    // Only the member's newest text is answered, and only if nobody answered after it.
    if (!message) return;
    // A poll that brought only ClubOS texts must not dig up a member text from days ago.
    if (clock.now() - Date.parse(message.sentAt) > IGNORE_AFTER_MS) return;
    if (db.drafts.forMessage(message.id) || db.actionLog.list({ messageId: message.id, kinds: ['assessed'], limit: 1 }).length > 0) return;
    const context = await session.clubContext();
    const now = clock.now();
    const current = settings();
    const k = knowledge();
    const stored = parseActionRecord(db.messages.actionTaken(message.id));
    const assessment = assess({
      text: message.body,
      ...(message.intent !== null && message.confidence !== null
        ? { classification: { intent: message.intent, confidence: message.confidence, needsReply: stored?.needsReply ?? conversation.requiresResponse } }
        : {}),
      memberName: conversation.memberName,
      optedOut: conversation.optedOut,
      thread: asThread(thread),
      knowledge: k,
      settings: current,
      nowMs: now,
      timeZone: context.timeZone,
      autoRepliesThisTurn: autoRepliesThisTurn(db, conversationId, thread),
      autoRepliesLastHour: autoRepliesLastHour(db),
      stale: message.localTime === null || now - Date.parse(message.sentAt) > STALE_AFTER_MS,
    });
    const { classification, draft, policy, flags, guardFailures } = assessment;
    const common = { conversationId, messageId: message.id, memberName: conversation.memberName, intent: classification.intent, confidence: classification.confidence };
    db.actionLog.append({
      ...common,
      kind: 'assessed',
      actor: 'assistant',
      detail: { needsReply: classification.needsReply, flags, staffed: assessment.staffed, knowledgeVersion: knowledgeVersion()?.version ?? null },
    });
    const notes = [
      ...policy.refused.map((r) => `Not sent automatically: ${REFUSAL_LABELS[r]}.`),
      ...flags.map((f) => `Safety check: ${f}.`),
      ...draft.staffNotes,
      ...guardFailures.map((g) => `Check: ${describeFailure(g)}.`),
    ];
    if (draft.text !== '') {
      db.actionLog.append({
        ...common,
        kind: 'drafted',
        actor: 'assistant',
        detail: { source: 'rules', facts: draft.facts.map((f) => f.id), missing: draft.missing, guards: guardFailures.map((g) => g.rule), language: draft.language },
      });
    }
    if (policy.refused.length > 0) {
      db.actionLog.append({ ...common, kind: 'refused', actor: 'assistant', reason: policy.refused.join(','), detail: { reasons: policy.refused } });
    }

    if (policy.decision === 'none') {
      db.actionLog.append({ ...common, kind: 'no_action', actor: 'assistant', reason: current.policy[classification.intent] === 'off' ? 'policy_off' : 'nothing_to_answer', detail: {} });
      writeActionTaken(db, message, assessment, 'none', null);
    } else {
      db.transaction(() => db.drafts.supersedeOpen(conversationId, null));
      const auto = policy.decision === 'auto';
      const inserted = db.drafts.insert({
        conversationId,
        messageId: message.id,
        intent: classification.intent,
        confidence: classification.confidence,
        body: draft.text,
        facts: draft.facts.map((f) => ({ id: f.id, text: f.text })),
        notes,
        status: policy.decision === 'suggest' ? 'suggested' : 'pending',
      });
      if (!inserted) return;
      if (auto) {
        await autoSend(session, inserted, assessment);
      } else {
        db.actionLog.append({ ...common, draftId: inserted.id, kind: policy.decision === 'queue' ? 'queued' : 'suggested', actor: 'assistant', detail: {} });
        writeActionTaken(db, message, assessment, policy.decision === 'queue' ? 'queued' : 'suggested', inserted.id);
        if (policy.decision === 'queue') queueTouched = true;
      }
    }
    if (policy.decision !== 'auto') await maybeAcknowledgeAfterHours(session, conversationId, message, assessment, context);
  }

  /** Closes every open draft of the conversation; returns how many. */
  function supersedeAnswered(db: FrontdeskDb, conversationId: number, reason: string): number {
    const ids = db.transaction(() => db.drafts.supersedeOpen(conversationId, null, true));
    for (const draftId of ids) db.actionLog.append({ conversationId, draftId, kind: 'superseded', actor: 'assistant', reason, detail: {} });
    return ids.length;
  }

  async function autoSend(session: AssistantSession, draft: AssistantDraft, assessment: Assessment): Promise<void> {
    const { db } = session;
    const common = { conversationId: draft.conversationId, messageId: draft.messageId, draftId: draft.id, memberName: draft.memberName, intent: draft.intent, confidence: draft.confidence };
    // Logged before sending: a crash mid-send still counts against the cap and the turn, so nothing goes twice.
    db.actionLog.append({ ...common, kind: 'auto_send_started', actor: 'assistant', detail: { body: draft.body } });
    try {
      const sent = await session.send({ conversationId: draft.conversationId, channel: 'sms', body: draft.body }, 'assistant');
      db.transaction(() => {
        db.drafts.decide(draft.id, 'auto_sent', 'assistant');
        db.messages.markResponded(draft.messageId, sent.sentAt);
        db.actionLog.append({
          ...common,
          kind: 'auto_sent',
          actor: 'assistant',
          detail: { sentMessageId: sent.id, facts: draft.facts.map((f) => f.id), why: `${Math.round((draft.confidence ?? 0) * 100)}% ${draft.intent ?? ''}, policy auto` },
        });
        const message = db.messages.get(draft.messageId);
        if (message) writeActionTaken(db, message, assessment, 'auto_sent', draft.id);
      });
      announce(session, sent);
    } catch (error) {
      const apiError = toApiError(error);
      log.warn('automatic reply not sent; queued for a person', { code: apiError.code });
      db.actionLog.append({ ...common, kind: 'send_failed', actor: 'assistant', reason: apiError.code, detail: { message: apiError.message } });
      const message = db.messages.get(draft.messageId);
      if (message) writeActionTaken(db, message, { ...assessment, policy: { decision: 'queue', refused: [] } }, 'queued', draft.id);
      db.actionLog.append({ ...common, kind: 'queued', actor: 'assistant', reason: 'send_failed', detail: {} });
      queueTouched = true;
    }
  }

  async function maybeAcknowledgeAfterHours(
    session: AssistantSession,
    conversationId: number,
    message: Message,
    assessment: Assessment,
    context: ClubContext,
  ): Promise<void> {
    const current = settings();
    if (!current.afterHoursAck.enabled || assessment.staffed || !assessment.classification.needsReply) return;
    const { db } = session;
    const conversation = db.conversations.get(conversationId);
    if (!conversation) return;
    const now = clock.now();
    const k = knowledge();
    const common = { conversationId, messageId: message.id, memberName: conversation.memberName, intent: assessment.classification.intent, confidence: assessment.classification.confidence };
    const refuse = (reason: string): void => {
      db.actionLog.append({ ...common, kind: 'refused', actor: 'assistant', reason, detail: { step: 'after_hours_ack' } });
    };
    // The note is automatic too: the same hard gates hold (complaints, billing, cancellations,
    // needs-a-person, opt texts, safety flags, opted-out members), and "off" means nothing at all.
    if (current.policy[assessment.classification.intent] === 'off') return;
    const hard = hardRefusals({ intent: assessment.classification.intent, flags: assessment.flags, topics: assessment.draft.topics, optedOut: conversation.optedOut });
    if (hard.length > 0) return refuse(hard.join(','));
    if (Date.parse(message.sentAt) < now - STALE_AFTER_MS) return refuse('stale_message');
    const opening = nextStaffedOpening(k, now, context.timeZone);
    if (opening === null) return refuse('no_staffed_hours');
    const periodStart = closedPeriodStart(k, now, context.timeZone) ?? 0;
    const already = db.actionLog
      .list({ conversationId, kinds: ['after_hours_ack_started'], limit: 5 })
      .some((a) => Date.parse(a.at) >= periodStart);
    if (already) return refuse('already_acknowledged');
    if (autoRepliesLastHour(db) >= current.hourlyCap) return refuse('hourly_cap');
    const text = afterHoursText(current.afterHoursAck.text, opening, now, context.timeZone);
    const failures = checkDraft(text, { knowledge: knowledgeCorpus(k), thread: '' });
    if (failures.length > 0) return refuse(`guard:${failures.map((f) => f.rule).join(',')}`);
    db.actionLog.append({ ...common, kind: 'after_hours_ack_started', actor: 'assistant', detail: { body: text } });
    try {
      const sent = await session.send({ conversationId, channel: 'sms', body: text }, 'assistant');
      db.actionLog.append({ ...common, kind: 'after_hours_ack', actor: 'assistant', detail: { sentMessageId: sent.id, why: 'outside staffed hours, once per closed period', opening: new Date(opening).toISOString() } });
      announce(session, sent);
    } catch (error) {
      const apiError = toApiError(error);
      db.actionLog.append({ ...common, kind: 'send_failed', actor: 'assistant', reason: apiError.code, detail: { step: 'after_hours_ack', message: apiError.message } });
    }
  }

  function announce(session: AssistantSession, sent: Message): void {
    const conversation = session.db.conversations.get(sent.conversationId);
    if (!conversation) return;
    deps.changes.updated(session.db, conversation);
    // Quiet: our own reply is shown, never notified, and never assessed again.
    deps.changes.messagesAdded(session.db, { ownerId: conversation.ownerId, insertedIds: [sent.id], conversationIds: [sent.conversationId], quiet: true });
  }

  const staffActor = async (session: AssistantSession): Promise<string> => {
    const context = await session.clubContext().catch(() => null);
    return `staff:${context?.loggedInUserName ?? 'unknown'}`;
  };

  async function approve(draftId: number, editedBody?: string): Promise<AssistantDraft> {
    const session = deps.session();
    const { db } = session;
    if (inFlight.has(draftId)) throw new AppError('conflict', 'This draft is already being sent.');
    const draft = db.drafts.get(draftId);
    if (!draft) throw new AppError('not_found', `Draft ${draftId} does not exist.`);
    if (draft.status !== 'pending' && draft.status !== 'suggested') throw new AppError('conflict', `This draft was already ${draft.status.replace('_', ' ')}.`);
    const body = (editedBody ?? draft.body).trim();
    if (body === '') throw new AppError('invalid_argument', 'The draft is empty: write the reply before sending.');
    const actor = await staffActor(session);
    const common = { conversationId: draft.conversationId, messageId: draft.messageId, draftId, memberName: draft.memberName, intent: draft.intent, confidence: draft.confidence };
    inFlight.add(draftId);
    try {
      db.actionLog.append({ ...common, kind: 'approved', actor, detail: {} });
      if (body !== draft.body) db.actionLog.append({ ...common, kind: 'edited', actor, detail: { before: draft.body, after: body } });
      const sent = await session.send({ conversationId: draft.conversationId, channel: 'sms', body }, actor);
      const closed = db.transaction(() => {
        const result = db.drafts.decide(draftId, 'sent', actor, body);
        db.messages.markResponded(draft.messageId, sent.sentAt);
        db.actionLog.append({ ...common, kind: 'sent', actor, detail: { sentMessageId: sent.id, via: 'approval_queue' } });
        const stored = parseActionRecord(db.messages.actionTaken(draft.messageId));
        if (stored) db.messages.setActionTaken(draft.messageId, { ...stored, action: 'sent', ...(stored.assistant ? { assistant: { ...stored.assistant, by: actor } } : {}) });
        return result;
      });
      emitQueue(db);
      announce(session, sent);
      return closed;
    } catch (error) {
      const apiError = toApiError(error);
      db.actionLog.append({ ...common, kind: 'send_failed', actor, reason: apiError.code, detail: { message: apiError.message } });
      throw error;
    } finally {
      inFlight.delete(draftId);
    }
  }

  async function reject(draftId: number): Promise<AssistantDraft> {
    const session = deps.session();
    const { db } = session;
    if (inFlight.has(draftId)) throw new AppError('conflict', 'This draft is being sent.');
    const actor = await staffActor(session);
    const closed = db.transaction(() => {
      const result = db.drafts.decide(draftId, 'rejected', actor);
      db.actionLog.append({ conversationId: result.conversationId, messageId: result.messageId, draftId, memberName: result.memberName, intent: result.intent, kind: 'rejected', actor, detail: {} });
      const stored = parseActionRecord(db.messages.actionTaken(result.messageId));
      if (stored) db.messages.setActionTaken(result.messageId, { ...stored, action: 'rejected' });
      return result;
    });
    emitQueue(db);
    return closed;
  }

  async function modelDraft(
    conversationId: number,
    requestId: string,
    thread: readonly ThreadMessage[],
    k: Knowledge,
  ): Promise<{ text: string } | { error: string }> {
    const current = settings().model;
    const config: ProviderConfig = {
      baseUrl: current.baseUrl,
      model: current.model,
      apiKey: await deps.modelKey.load(),
      timeoutMs: current.timeoutSeconds * 1000,
    };
    try {
      const text = await chat(config, buildPrompt(k, thread), (soFar) => {
        events.emit({ type: 'draftProgress', requestId, conversationId, text: soFar });
      });
      return { text: text.trim() };
    } catch (error) {
      if (error instanceof ProviderError) return { error: error.message };
      log.error('model draft failed unexpectedly', { error });
      return { error: 'The model could not be used.' };
    }
  }

  return {
    onMessagesAdded(conversationIds) {
      const session = deps.session();
      const run = async (): Promise<void> => {
        queueTouched = false;
        for (const id of conversationIds) {
          try {
            await processConversation(session, id);
          } catch (error) {
            log.error('assessing a new text failed; it is left for staff', { error, conversationId: id });
          }
        }
        if (queueTouched) emitQueue(session.db);
      };
      chain = chain.then(run, run);
      return chain;
    },
    idle: () => chain,
    knowledge,
    getKnowledge: knowledgeState,
    saveKnowledge(k, source = 'edit') {
      const saved = appDb.knowledge.save(k, source);
      log.info('knowledge saved', { version: saved.version, source });
      return knowledgeState();
    },
    exportKnowledge() {
      const file: KnowledgeFile = { format: 'frontdesk-knowledge', formatVersion: 1, exportedAt: new Date(clock.now()).toISOString(), knowledge: knowledge() };
      return { fileName: `frontdesk-knowledge-${file.exportedAt.slice(0, 10)}.json`, content: `${JSON.stringify(file, null, 2)}\n` };
    },
    importKnowledge(content) {
      let json: unknown;
      try {
        json = JSON.parse(content);
      } catch {
        throw new AppError('invalid_argument', 'That file is not JSON: choose a file exported from Settings → Knowledge.');
      }
      const parsed = knowledgeFileSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
        throw new AppError('invalid_argument', `That file is not a Frontdesk knowledge export${where}: ${issue?.message ?? 'invalid'}. Nothing was changed.`);
      }
      return this.saveKnowledge(parsed.data.knowledge, 'import');
    },
    settings,
    getState: state,
    setSettings(next) {
      const valid = assistantSettingsSchema.parse(next);
      appDb.settings.set(SETTINGS_KEY, valid);
      cachedSettings = valid;
      log.info('assistant settings saved', { auto: Object.entries(valid.policy).filter(([, m]) => m === 'auto').map(([i]) => i), model: valid.model.enabled });
      return state();
    },
    async setApiKey(apiKey) {
      if (apiKey === null) deps.modelKey.clear();
      else {
        if ((await deps.modelKey.level()) === 'unavailable') throw new AppError('insecure_storage', 'This computer offers no secure storage for the API key, so it cannot be saved.');
        await deps.modelKey.save(apiKey);
      }
      return state();
    },

    async draftForComposer(conversationId, requestId) {
      const session = deps.session();
      const { db } = session;
      const conversation = db.conversations.get(conversationId);
      if (!conversation) throw new AppError('not_found', `Conversation ${conversationId} does not exist.`);
      const messages = threadOf(db, conversationId);
      const thread = asThread(messages);
      const last = [...messages].reverse().find((m) => m.direction === 'inbound');
      const context = await session.clubContext();
      const k = knowledge();
      const open = db.drafts.openFor(conversationId);
      const text = last?.body ?? '';
      const flags = safetyFlags(text);
      const rules = draftReply({
        intent: last?.intent ?? conversation.intent ?? 'general_inquiry',
        text,
        member: memberContext(conversation.memberName, conversation.optedOut, thread),
        knowledge: k,
        nowMs: clock.now(),
        timeZone: context.timeZone,
        flags,
      });
      const sources = { knowledge: knowledgeCorpus(k), thread: thread.map((m) => m.body).join('\n') };
      const rulesNotes = [...rules.staffNotes, ...checkDraft(rules.text, sources).filter((f) => f.rule !== 'empty').map((f) => `Check: ${describeFailure(f)}.`)];
      const fromRules: DraftResult = { text: rules.text, source: 'rules', notes: rulesNotes, facts: rules.facts.map((f) => ({ id: f.id, text: f.text })), draftId: open?.id ?? null };
      const model = settings().model;
      if (!model.enabled || model.baseUrl === '' || model.model === '') return fromRules;
      const answer = await modelDraft(conversationId, requestId, thread, k);
      const common = { conversationId, messageId: last?.id ?? null, memberName: conversation.memberName, intent: last?.intent ?? null };
      if ('error' in answer) {
        db.actionLog.append({ ...common, kind: 'model_fallback', actor: 'assistant', reason: 'provider', detail: { message: answer.error } });
        return { ...fromRules, notes: [`The model was not used: ${answer.error} This is the built-in draft.`, ...rulesNotes] };
      }
      const failures = checkDraft(answer.text, sources);
      if (failures.length > 0) {
        db.actionLog.append({ ...common, kind: 'model_fallback', actor: 'assistant', reason: 'guard', detail: { guards: failures.map((f) => f.rule) } });
        return { ...fromRules, notes: [`The model's answer was set aside: ${failures.map(describeFailure).join('; ')}. This is the built-in draft.`, ...rulesNotes] };
      }
      db.actionLog.append({ ...common, kind: 'drafted', actor: 'assistant', detail: { source: 'model', model: model.model } });
      return { text: answer.text, source: 'model', notes: [], facts: [], draftId: open?.id ?? null };
    },

    openDraft: (conversationId) => {
      const draft = deps.session().db.drafts.openFor(conversationId);
      return draft && draft.body !== '' ? draft : null;
    },
    listQueue: () => deps.session().db.drafts.pending(),
    pendingCount: () => deps.session().db.drafts.pendingCount(),
    async decideDraft(args) {
      return args.decision === 'approve' ? approve(args.draftId, args.body) : reject(args.draftId);
    },
    async approveMany(ids) {
      const results: Result<'approveDrafts'>['results'] = [];
      for (const draftId of ids) {
        try {
          await approve(draftId);
          results.push({ draftId, ok: true, error: null });
        } catch (error) {
          results.push({ draftId, ok: false, error: toApiError(error) });
        }
      }
      return { results };
    },
    async recordStaffSend(args, message) {
      const session = deps.session();
      const { db } = session;
      const actor = await staffActor(session);
      const draft = args.draftId !== undefined ? db.drafts.get(args.draftId) : null;
      const usable = draft && draft.conversationId === args.conversationId && (draft.status === 'pending' || draft.status === 'suggested') ? draft : null;
      const common = { conversationId: args.conversationId, memberName: db.conversations.get(args.conversationId)?.memberName ?? null };
      db.transaction(() => {
        if (usable) {
          if (usable.body.trim() !== args.body.trim()) {
            db.actionLog.append({ ...common, messageId: usable.messageId, draftId: usable.id, kind: 'edited', actor, detail: { before: usable.body, after: args.body } });
          }
          db.drafts.decide(usable.id, 'sent', actor, args.body);
          db.messages.markResponded(usable.messageId, message.sentAt);
        }
        db.actionLog.append({
          ...common,
          messageId: usable?.messageId ?? null,
          draftId: usable?.id ?? null,
          kind: 'sent',
          actor,
          detail: { sentMessageId: message.id, channel: args.channel, via: 'composer' },
        });
      });
      // The member has an answer now: other drafts for this conversation would be a second reply.
      const superseded = supersedeAnswered(db, args.conversationId, 'answered_by_staff');
      if (usable?.status === 'pending' || superseded > 0) emitQueue(db);
    },
    listActions(args) {
      return deps.session().db.actionLog.list({
        ...(args.conversationId !== undefined ? { conversationId: args.conversationId } : {}),
        ...(args.beforeId !== undefined ? { beforeId: args.beforeId } : {}),
        ...(args.kinds !== undefined ? { kinds: args.kinds } : {}),
        limit: args.limit ?? 100,
      });
    },
    exportActionLog() {
      const lines = [csvHeader()];
      deps.session().db.actionLog.each((e) => lines.push(csvRow(e)));
      return { fileName: `frontdesk-action-log-${new Date(clock.now()).toISOString().slice(0, 10)}.csv`, content: `${lines.join('\r\n')}\r\n` };
    },
    isStaffedAt: (epochMs, timeZone) => isStaffedAt(knowledge(), epochMs, timeZone),
    nextStaffedOpening: (epochMs, timeZone) => nextStaffedOpening(knowledge(), epochMs, timeZone),
  };
}
