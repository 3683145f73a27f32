import { describe, expect, it } from 'vitest';
import { conversation, memoryDb, msg, OTHER_OWNER, OWNER, withOwners } from './helpers';

function setup() {
  const t = memoryDb();
  withOwners(t.db, OWNER, OTHER_OWNER);
  const jane = conversation(t.db, 'Jane Doe');
  const otto = conversation(t.db, 'Otto Other', null, OTHER_OWNER);
  t.db.messages.insert([
    msg(jane, 1, { body: 'Is the pool open on Sunday?' }),
    msg(jane, 2, { body: 'Thanks! 👍 See you at the café' }),
    msg(jane, 3, { direction: 'outbound', source: 'sent', senderName: 'Alex M.', body: 'Pool is open 8-6 on Sundays' }),
    msg(jane, 4, { body: 'He said "NEAR" AND( the *gym* - okay' }),
  ]);
  t.db.messages.insert([msg(otto, 5, { ownerId: OTHER_OWNER, senderName: 'Otto Other', body: 'pool party?' })]);
  return { ...t, jane, otto };
}

const HOSTILE = ['"', '""', '"pool', 'pool"', '*', '**', 'AND(', 'AND', 'OR', 'NOT', 'NEAR', 'NEAR(pool, 2)', '-', '- pool', '^pool',
  'body:pool', '(', ')', '{pool}', '👍', '🏊‍♀️', "'", ';', '\\', '%', '\u0000', 'pool AND', ':', '+', '.', '   '];

describe('search', () => {
  it('finds words newest first with highlighted snippets, as text parts', () => {
    const { db, jane, otto } = setup();
    const { hits } = db.search({ query: 'pool' });
    expect(hits.map((h) => h.conversationId)).toEqual([otto, jane, jane]);
    expect(hits[1]).toMatchObject({ memberName: 'Jane Doe', direction: 'outbound' });
    expect(hits[1]!.snippet).toEqual([
      { text: 'Pool', match: true },
      { text: ' is open 8-6 on Sundays', match: false },
    ]);
  });

  it('matches the last word as a prefix, ignores case and accents, and searches sender names', () => {
    const { db } = setup();
    expect(db.search({ query: 'sund' }).hits).toHaveLength(2);
    expect(db.search({ query: 'po' }).hits).toHaveLength(3); // a two-letter prefix, from the prefix index
    expect(db.search({ query: 'p' }).hits).toHaveLength(0); // one letter is a word, not a prefix
    expect(db.search({ query: 'CAFE' }).hits).toHaveLength(1);
    expect(db.search({ query: 'otto' }).hits).toHaveLength(1);
    expect(db.search({ query: 'pool sunday' }).hits).toHaveLength(2); // every word, the last as a prefix ("Sundays")
    expect(db.search({ query: 'pool part' }).hits.map((h) => h.memberName)).toEqual(['Otto Other']);
  });

  it('searches whatever a user types literally and never raises an FTS syntax error', () => {
    const { db } = setup();
    for (const query of HOSTILE) expect(() => db.search({ query }), JSON.stringify(query)).not.toThrow();
    expect(db.search({ query: '"NEAR"' }).hits).toHaveLength(1);
    expect(db.search({ query: 'AND(' }).hits).toHaveLength(1);
    expect(db.search({ query: '*gym*' }).hits).toHaveLength(1);
    expect(db.search({ query: '-' }).hits).toEqual([]);
  });

  it('finds emoji by exact substring', () => {
    const { db } = setup();
    const { hits } = db.search({ query: '👍' });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['👍']);
    expect(db.search({ query: 'thanks 👍' }).hits).toHaveLength(1);
    expect(db.search({ query: 'pool 👍' }).hits).toHaveLength(0);
  });

  it('filters by owner and pages with a cursor', () => {
    const { db } = setup();
    expect(db.search({ query: 'pool', ownerId: OTHER_OWNER }).hits.map((h) => h.memberName)).toEqual(['Otto Other']);
    const first = db.search({ query: 'pool', limit: 2 });
    expect(first.hits).toHaveLength(2);
    const second = db.search({ query: 'pool', limit: 2, cursor: first.nextCursor });
    expect(second.hits).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.hits, ...second.hits].map((h) => h.messageId)).size).toBe(3);
    const emojiPage = db.search({ query: '👍', limit: 1, cursor: first.nextCursor });
    expect(emojiPage.hits).toHaveLength(1);
  });

  it('follows edits and deletions through the FTS triggers', () => {
    const { db } = setup();
    expect(db.owners.remove(OTHER_OWNER)).toBe(true);
    expect(db.search({ query: 'party' }).hits).toEqual([]);
  });
});
