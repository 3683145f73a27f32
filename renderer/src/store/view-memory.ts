// The view that survives a reload of the window (not a restart): inbox, filter, tag and the open
// conversation. Stored text is parsed, never trusted.
import { z } from 'zod';
import type { ListFilter } from '../../../common/contract';
import type { ViewStorage } from './app-deps';
import { isListFilter } from './filters';
import { clubosIdSchema } from '../../../common/clubos-id';

export interface RememberedView {
  ownerId: string | null;
  filter: ListFilter;
  tag: string | null;
  selectedId: number | null;
}

const KEY = 'frontdesk.view';

const viewSchema = z.object({
  ownerId: clubosIdSchema.nullable(),
  filter: z.string().refine(isListFilter),
  tag: z.string().min(1).max(60).nullable(),
  selectedId: z.number().int().positive().nullable(),
});

export function loadView(storage: ViewStorage | null): RememberedView | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(KEY);
    if (raw === null) return null;
    const parsed = viewSchema.safeParse(JSON.parse(raw));
    if (!parsed.success || !isListFilter(parsed.data.filter)) return null;
    return { ...parsed.data, filter: parsed.data.filter };
  } catch {
    return null;
  }
}

export function saveView(storage: ViewStorage | null, view: RememberedView): void {
  if (!storage) return;
  try {
    storage.setItem(KEY, JSON.stringify(view));
  } catch {
    // A full or disabled storage only costs the view after a reload.
  }
}
