// A conversation is one member in one owner's inbox: keyed by the member's ClubOS id when the
// inbox shows it, else by the normalized name until the id is learnt (history, search), then the
// two become one without losing read state, tags or status.
import { afterEach, describe, expect, it } from 'vitest';
import { importHistory } from '../../main/ingest/history-import';
import { resolveMemberId } from '../../main/ingest/member-identity';
import { messageKey } from '../../main/sync/message-key';
import { localDate, localTime } from '../../common/time/club-time';
import { conversationRig, type Rig } from './conversation-rig';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

describe('conversation keys', () => {
  it('keys on the member id when the inbox links carry it: one conversation per member', async () => {
    rig = await conversationRig();
    rig.text(0, 'Is the pool open today?');
    rig.text(1, 'What time do you close?');
    rig.text(0, 'Also, is the sauna fixed?');
    await rig.poll();
    const list = rig.app.db.conversations.list({}).items;
    expect(list).toHaveLength(2);
    const first = rig.conversationOf(0);
    expect(first).toMatchObject({ memberId: rig.member(0).id, memberName: rig.member(0).name, ownerId: rig.owner, unreadCount: 2 });
    expect(rig.messagesOf(first.id).map((m) => m.body)).toEqual(['Is the pool open today?', 'Also, is the sauna fixed?']);
    expect(rig.conversationOf(1).memberId).toBe(rig.member(1).id);
  });

  it('keys on the normalized sender name when the links carry no id', async () => {
    rig = await conversationRig({ sim: { memberIdsInLinks: false } });
    rig.text(0, 'Is the pool open today?');
    rig.text(0, 'Hello?');
    rig.text(1, 'What time do you close?');
    await rig.poll();
    const list = rig.app.db.conversations.list({}).items;
    expect(list).toHaveLength(2);
    const c = rig.conversationOf(0);
    expect(c.memberId).toBeNull();
    expect(c.memberName).toBe(rig.member(0).name);
    expect(c.unreadCount).toBe(2);
  });

  it('gives a name-keyed conversation its id from a member search, and keeps using it for name-only rows', async () => {
    rig = await conversationRig({ sim: { memberIdsInLinks: false } });
    rig.text(2, 'Can I freeze my membership?');
    await rig.poll();
    const before = rig.conversationOf(2);
    rig.app.db.conversations.setTags(before.id, ['vip']);
    rig.app.db.conversations.setStatus(before.id, { status: 'pending' });

    const { conversation, memberId } = await resolveMemberId(rig.app.db, rig.app.client, before);
    expect(memberId).toBe(rig.member(2).id);
    expect(conversation).toMatchObject({ id: before.id, memberId, status: 'pending', unreadCount: 1 });
    expect(conversation.tags).toContain('vip');

    // The inbox still shows only the name: the row lands in the same conversation and reopens nothing it should not.
    rig.text(2, 'For one month please');
    await rig.poll();
    expect(rig.app.db.conversations.list({}).items).toHaveLength(1);
    expect(rig.conversationOf(2)).toMatchObject({ id: before.id, memberId, unreadCount: 2 });
  });

  it('merges the name-keyed conversation into the member-keyed one when history reveals the id, keeping read state, tags and status', async () => {
    rig = await conversationRig({ sim: { memberIdsInLinks: false } });
    const { app, owner } = rig;
    const m = rig.member(3);
    // The name-only inbox makes a conversation keyed by name.
    rig.text(3, 'Thanks! Which number is it?');
    rig.text(3, 'And where is the key?');
    await rig.poll();
    const byName = app.db.conversations.findByNameKey(owner, m.name.toLowerCase())!;
    expect(byName.memberId).toBeNull();
    // Something that carries the id (a row whose link had it, a reply sent by id) made a second
    // conversation for the same person, since resolved.
    const known = app.db.conversations.findOrCreate({ ownerId: owner, memberId: m.id, memberName: m.name, nameKey: m.name.toLowerCase() });
    expect(known).toMatchObject({ created: true });
    const sentAt = rig.club.clock.now() - 86_400_000;
    const tz = rig.context.timeZone;
    app.db.messages.insert([
      {
        ownerId: owner,
        conversationId: known.id,
        direction: 'outbound',
        channel: 'sms',
        senderName: 'Alex M.',
        body: 'Your locker is ready',
        localDate: localDate(sentAt, tz),
        localTime: localTime(sentAt, tz),
        sentAt: new Date(sentAt).toISOString(),
        source: 'sent',
        dedupeKey: messageKey('Alex M.', 'Your locker is ready', localDate(sentAt, tz)),
        occurrence: 0,
      },
    ]);
    app.db.conversations.setTags(known.id, ['locker']);
    app.db.conversations.setStatus(known.id, { status: 'resolved' });

    const [firstText] = rig.messagesOf(byName.id);
    app.db.conversations.markRead(byName.id);
    app.db.conversations.markUnread(byName.id, firstText!.id); // the user kept the first one unread
    app.db.conversations.setTags(byName.id, ['vip']);
    app.db.conversations.setStatus(byName.id, { status: 'pending' });

    // Opening its history: the search finds the id, the two become one, history is stored.
    const { conversation, memberId } = await resolveMemberId(app.db, app.client, app.db.conversations.get(byName.id)!);
    const history = await app.client.getHistory(memberId);
    importHistory(app.db, conversation, history, { timeZone: tz, now: rig.club.clock.now() });

    expect(app.db.conversations.get(byName.id)).toBeNull();
    const merged = app.db.conversations.get(known.id)!;
    expect(merged).toMatchObject({ memberId: m.id, status: 'pending', unreadCount: 1 });
    expect(merged.tags).toEqual(expect.arrayContaining(['locker', 'vip']));
    const messages = rig.messagesOf(known.id);
    expect(messages.map((x) => x.body)).toEqual(['Your locker is ready', 'Thanks! Which number is it?', 'And where is the key?']);
    expect(messages.find((x) => x.id === firstText!.id)?.readAt).toBeNull();
    expect(app.db.conversations.audit()).toEqual([]);
  });
});
