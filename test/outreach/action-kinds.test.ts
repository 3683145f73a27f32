// Every kind written to the one action log has a label in the Activity view: the assistant's
// (read from its source, so a new kind without a label fails here) and outreach's.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_KIND_LABELS, actionKindLabel, ASSISTANT_ACTION_KINDS, OUTREACH_ACTION_KINDS } from '../../common/action-kinds';

const kindsWritten = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/\bkind: '([a-z_]+)'/g)].map((m) => m[1]!));

describe('action log kinds', () => {
  it('labels every kind the assistant and outreach write, and they fit the log CHECK', () => {
    const assistant = new Set(kindsWritten('main/services/assistant'));
    // The Knowledge facts module uses `kind:` for its own fact kinds, not log rows.
    for (const notALogKind of ['open', 'plans', 'classes', 'trainers', 'faq']) assistant.delete(notALogKind);
    for (const k of assistant) expect(ASSISTANT_ACTION_KINDS, k).toContain(k);
    for (const k of kindsWritten('main/outreach')) {
      if (['send', 'remind', 'conversations', 'members', 'csv', 'finished', 'waiting', 'skipped', 'posted'].includes(k)) continue; // scheduled item kinds, audience sources, step results
      expect(OUTREACH_ACTION_KINDS, k).toContain(k);
    }
    for (const k of [...ASSISTANT_ACTION_KINDS, ...OUTREACH_ACTION_KINDS]) {
      expect(k).toMatch(/^[a-z_]{1,40}$/);
      expect(ACTION_KIND_LABELS[k]).toBeTruthy();
    }
    expect(actionKindLabel('something_new')).toBe('something new');
  });
});
