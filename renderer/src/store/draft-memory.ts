// Reply drafts survive a reload of the window, above all the reload after a renderer crash: the
// text being typed is saved to the window's session storage (kept by the browser process, so a
// crashed renderer loses nothing) as it changes, one entry per conversation. Stored text is
// parsed, never trusted.
import { z } from 'zod';
import type { ViewStorage } from './app-deps';
import type { Draft } from './composer-slice';

const KEY = 'frontdesk.drafts';
const MAX_BODY = 20_000;

const draftSchema = z.object({
  channel: z.enum(['sms', 'email']),
  body: z.string().max(MAX_BODY),
  subject: z.string().max(1_000),
  suggestionId: z.string().max(200).nullable(),
});
const draftsSchema = z.record(z.string().regex(/^\d{1,15}$/), draftSchema);

export function loadDrafts(storage: ViewStorage | null): Record<number, Draft> {
  if (!storage) return {};
  try {
    const raw = storage.getItem(KEY);
    if (raw === null) return {};
    const parsed = draftsSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return {};
    const drafts: Record<number, Draft> = {};
    for (const [id, draft] of Object.entries(parsed.data)) drafts[Number(id)] = draft;
    return drafts;
  } catch {
    return {};
  }
}

/** Saves the drafts worth keeping (some text typed); an emptied draft is forgotten. */
export function saveDrafts(storage: ViewStorage | null, drafts: Record<number, Draft>): void {
  if (!storage) return;
  const kept = Object.fromEntries(Object.entries(drafts).filter(([, d]) => d.body.trim() !== '' || d.subject.trim() !== ''));
  try {
    storage.setItem(KEY, JSON.stringify(kept));
  } catch {
    // A full or disabled storage only costs the drafts after a reload.
  }
}
