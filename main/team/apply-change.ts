// Applies changes received from the team store to this desk's database, in the store's order,
// inside `applyingRemote` (the capture triggers stay quiet: nothing received is sent back). Each
// kind applies its field's rule by being applied in order: the store has already decided
// (last writer for status, handled and read marks, per-tag add/remove, compare-and-set for
// assignment, first decision for drafts), so a desk only has to replay. Messages and notes are
// idempotent by their stable keys.
import { z } from 'zod';
import { conversationStatusSchema, intentSchema, type InternalNote, type StaffMember } from '../../common/contract';
import type { Logger } from '../../common/log/logger';
import type { FrontdeskDb } from '../../db';
import type { AppliedEffects } from './team-link';
import type { TeamChange } from './types';

const conversationRef = z.object({
  key: z.string().min(1),
  ownerId: z.string().min(1),
  memberId: z.string().nullable(),
  memberName: z.string(),
  nameKey: z.string(),
});
const messagePayload = conversationRef.extend({
  dedupeKey: z.string().min(1),
  occurrence: z.number().int().nonnegative(),
  direction: z.enum(['inbound', 'outbound', 'system']),
  channel: z.enum(['sms', 'email', 'system']),
  senderName: z.string(),
  body: z.string(),
  localDate: z.string(),
  localTime: z.string().nullable(),
  sentAt: z.string(),
  source: z.enum(['inbox', 'history', 'sent']),
  requiresResponse: z.union([z.literal(0), z.literal(1), z.boolean()]).transform((v) => v === true || v === 1),
  subject: z.string().nullable().optional(),
  intent: intentSchema.nullable().optional(),
  confidence: z.number().min(0).max(1).nullable().optional(),
  fromMemberId: z.string().nullable().optional(),
  fromMemberName: z.string().nullable().optional(),
  toStaffName: z.string().nullable().optional(),
  readAt: z.string().nullable().optional(),
});
const messageRef = z.object({ ownerId: z.string(), dedupeKey: z.string(), occurrence: z.number().int() });
const authorPayload = messageRef.extend({ staffId: z.string().min(1), staffName: z.string().min(1) });
const statusPayload = conversationRef.extend({ status: conversationStatusSchema, snoozedUntil: z.string().nullable() });
const handledPayload = conversationRef.extend({ handledAt: z.string().nullable() });
const tagPayload = conversationRef.extend({ tag: z.string().min(1).max(60), present: z.boolean() });
const assignPayload = conversationRef.extend({
  to: z.string().nullable(),
  toName: z.string().nullable(),
  rejected: z.object({ deskId: z.string(), attempted: z.string().nullable() }).optional(),
});
const notePayload = conversationRef.extend({
  uid: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
const readPayload = conversationRef.extend({ staffId: z.string().min(1), staffName: z.string().min(1), readThrough: z.string().nullable() });
const draftPayload = messageRef.extend({
  status: z.enum(['sent', 'auto_sent', 'rejected']),
  decidedBy: z.string().nullable(),
});
const campaignPayload = z.object({ campaignId: z.number().int(), campaign: z.record(z.string(), z.unknown()), staffId: z.string().nullable(), staffName: z.string().nullable() });

export interface ApplyContext {
  db: FrontdeskDb;
  deskId: string;
  me: StaffMember;
  logger: Logger;
}

export function emptyEffects(): AppliedEffects {
  return { updatedConversationIds: [], messagesAdded: [], notesAdded: new Map(), conflicts: [], staffChanged: false };
}

/** Applies the changes in order, in one transaction; returns what changed for the window. */
export function applyChanges(ctx: ApplyContext, changes: readonly TeamChange[]): AppliedEffects {
  const { db } = ctx;
  const effects = emptyEffects();
  const updated = new Set<number>();
  const added = new Map<string, { ownerId: string; insertedIds: number[]; conversationIds: Set<number>; quiet: boolean }>();
  const knownOwners = new Set(db.owners.list().map((o) => o.ownerId));

  /** This desk's conversation for a reference; created when the desk syncs that inbox, else null (not this desk's inbox). */
  const conversationFor = (ref: z.infer<typeof conversationRef>): number | null => {
    const existing = db.team.conversationByKey(ref.key);
    if (existing) return existing.id;
    if (!knownOwners.has(ref.ownerId)) return null;
    return db.conversations.findOrCreate({ ownerId: ref.ownerId, memberId: ref.memberId, memberName: ref.memberName, nameKey: ref.nameKey }).id;
  };

  const pending = db.team.outbox.pendingFields();
  const field = (change: TeamChange): string => {
    const p = change.payload;
    const detail = change.kind === 'tag' ? p.tag : change.kind === 'read' ? p.staffId : '';
    return `${change.kind}|${typeof p.key === 'string' ? p.key : ''}|${typeof detail === 'string' ? detail : ''}`;
  };

  db.team.applyingRemote(() => {
    for (const change of changes) {
      // This desk changed the same field since and has not pushed it yet: that change is later
      // than this one at the store, so it wins there; applying this would only flicker.
      if (pending.size > 0 && pending.has(field(change))) continue;
      try {
        applyOne(change);
      } catch (error) {
        // A change this desk cannot apply (a malformed payload from a newer desk) is skipped, logged,
        // never retried forever: the rest of the stream still applies.
        ctx.logger.warn('a team change could not be applied', { seq: change.seq, kind: change.kind, error });
      }
    }
  });

  function applyOne(change: TeamChange): void {
    switch (change.kind) {
      case 'message': {
        const p = messagePayload.parse(change.payload);
        const conversationId = conversationFor(p);
        if (conversationId === null) return;
        const quiet = p.source === 'history';
        // Never reopens by itself: the store decides that in its order (a `status` change follows).
        const result = db.messages.insert(
          [
            {
              ownerId: p.ownerId,
              conversationId,
              direction: p.direction,
              channel: p.channel,
              senderName: p.senderName,
              body: p.body,
              localDate: p.localDate,
              localTime: p.localTime,
              sentAt: p.sentAt,
              source: p.source,
              dedupeKey: p.dedupeKey,
              occurrence: p.occurrence,
              readAt: p.readAt ?? null,
              requiresResponse: p.requiresResponse,
              subject: p.subject ?? null,
              intent: p.intent ?? null,
              confidence: p.confidence ?? null,
              aiProcessed: p.intent !== undefined && p.intent !== null,
              fromMemberId: p.fromMemberId ?? null,
              fromMemberName: p.fromMemberName ?? null,
              toStaffName: p.toStaffName ?? null,
            },
          ],
          { quiet: true },
        );
        if (result.insertedIds.length === 0) return;
        // The team store holds this inbox's history: a desk that takes over polling it later
        // reconciles against it instead of importing the inbox as history again.
        const owner = db.owners.get(p.ownerId);
        if (owner && !owner.historyImported) db.owners.setHistoryImported(p.ownerId, true);
        const group = `${p.ownerId}|${quiet ? 'q' : 'l'}`;
        let entry = added.get(group);
        if (!entry) added.set(group, (entry = { ownerId: p.ownerId, insertedIds: [], conversationIds: new Set(), quiet }));
        entry.insertedIds.push(...result.insertedIds);
        entry.conversationIds.add(conversationId);
        return;
      }
      case 'author': {
        const p = authorPayload.parse(change.payload);
        const id = db.team.messageId(p.ownerId, p.dedupeKey, p.occurrence);
        if (id === null) return;
        db.team.authors.set(id, { id: p.staffId, name: p.staffName });
        const conversation = db.messages.get(id)?.conversationId;
        if (conversation !== undefined) updated.add(conversation);
        return;
      }
      case 'status': {
        const p = statusPayload.parse(change.payload);
        const id = conversationFor(p);
        if (id === null) return;
        const c = db.conversations.get(id);
        if (!c || (c.status === p.status && c.snoozedUntil === p.snoozedUntil)) return;
        db.conversations.setStatus(id, { status: p.status, snoozedUntil: p.status === 'snoozed' ? p.snoozedUntil : null });
        updated.add(id);
        return;
      }
      case 'handled': {
        const p = handledPayload.parse(change.payload);
        const id = conversationFor(p);
        if (id === null) return;
        if (db.conversations.get(id)?.handledAt === p.handledAt) return;
        db.conversations.restoreHandled(id, p.handledAt);
        updated.add(id);
        return;
      }
      case 'tag': {
        const p = tagPayload.parse(change.payload);
        const id = conversationFor(p);
        if (id === null) return;
        const before = db.conversations.get(id)?.tags.join('\n');
        const after = db.team.setTagPresent(id, p.tag, p.present).tags.join('\n');
        if (before !== after) updated.add(id);
        return;
      }
      case 'assign': {
        const p = assignPayload.parse(change.payload);
        const id = conversationFor(p);
        if (id === null) return;
        const assignee = p.to !== null ? { id: p.to, name: p.toName ?? p.to } : null;
        const c = db.conversations.get(id);
        if ((c?.assignee?.id ?? null) !== (assignee?.id ?? null)) {
          db.team.assign(id, assignee);
          updated.add(id);
        }
        if (p.rejected && p.rejected.deskId === ctx.deskId) {
          effects.conflicts.push({
            conversationId: id,
            assignee,
            message: assignee
              ? `${assignee.name} took this conversation first; it stays with them.`
              : 'Someone changed the assignment first; the conversation is unassigned.',
          });
        }
        effects.staffChanged ||= assignee !== null;
        return;
      }
      case 'note': {
        const p = notePayload.parse(change.payload);
        const id = conversationFor(p);
        if (id === null) return;
        const { note, created } = db.team.notes.add({ conversationId: id, uid: p.uid, author: { id: p.authorId, name: p.authorName }, body: p.body, createdAt: p.createdAt });
        if (!created) return;
        const list: InternalNote[] = effects.notesAdded.get(id) ?? [];
        list.push(note);
        effects.notesAdded.set(id, list);
        return;
      }
      case 'read': {
        const p = readPayload.parse(change.payload);
        const id = conversationFor(p);
        if (id === null) return;
        db.team.reads.record(id, { id: p.staffId, name: p.staffName }, p.readThrough, change.serverAt);
        // My own read mark from another desk of mine moves my unread state here too.
        if (p.staffId === ctx.me.id && db.team.reads.applyMine(id, p.readThrough)) updated.add(id);
        return;
      }
      case 'draft': {
        const p = draftPayload.parse(change.payload);
        const messageId = db.team.messageId(p.ownerId, p.dedupeKey, p.occurrence);
        if (messageId === null) return;
        const draft = db.drafts.forMessage(messageId);
        if (!draft || (draft.status !== 'suggested' && draft.status !== 'pending')) return;
        // Decided at another desk: it leaves this desk's queue and is never sent from here.
        db.drafts.decide(draft.id, p.status === 'rejected' ? 'rejected' : 'superseded', p.decidedBy ?? 'another desk');
        updated.add(draft.conversationId);
        return;
      }
      case 'campaign': {
        const p = campaignPayload.parse(change.payload);
        if (change.deskId === ctx.deskId) return;
        const staff = p.staffId !== null && p.staffName !== null ? { id: p.staffId, name: p.staffName } : null;
        db.team.campaigns.record({ deskId: change.deskId, campaignId: p.campaignId, staff, campaign: p.campaign, at: change.serverAt });
        return;
      }
    }
  }

  effects.updatedConversationIds = [...updated];
  effects.messagesAdded = [...added.values()].map((e) => ({ ownerId: e.ownerId, insertedIds: e.insertedIds, conversationIds: [...e.conversationIds], quiet: e.quiet }));
  return effects;
}
