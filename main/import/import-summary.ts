// The words of the import's preview and result, for the shell's dialogs.
import type { ImportPlan, ImportResult } from './gym-bot-import';
import type { SkipReason } from './gym-bot-rows';

const SKIP_WORDS: Record<SkipReason, string> = {
  no_owner: 'with no inbox owner',
  no_time: 'with no readable time',
  no_sender: 'whose sender could not be told from the text',
  no_body: 'with no text',
  not_sent: 'sends that never went out',
};

const n = (count: number, one: string, many = `${one}s`): string => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

export function previewText(plan: ImportPlan): { message: string; detail: string } {
  const lines: string[] = [];
  lines.push(`${n(plan.total, 'row')} in the file (${plan.layout === 'A' ? 'inbox layout' : 'fresh-install layout'}); ${n(plan.readable, 'message')} readable.`);
  if (plan.dateRange) lines.push(`From ${plan.dateRange.from} to ${plan.dateRange.to}, in ${n(plan.conversations, 'conversation')}.`);
  lines.push(`${n(plan.alreadyStored, 'message')} already in Frontdesk will be skipped.`);
  for (const owner of plan.owners) {
    const note = owner.known ? '' : ' (new inbox, added paused)';
    lines.push(`• ${owner.name}${note}: ${n(owner.rows, 'message')}, ${owner.toAdd.toLocaleString('en-US')} new`);
  }
  const skipped = Object.entries(plan.skipped) as Array<[SkipReason, number]>;
  for (const [reason, count] of skipped) lines.push(`Not imported: ${n(count, 'row')} ${SKIP_WORDS[reason]}.`);
  lines.push('The gym bot file itself is only read, never changed.');
  const message = plan.toAdd === 0 ? 'Nothing new to import from this gym bot file.' : `Import ${n(plan.toAdd, 'message')} from the gym bot?`;
  return { message, detail: lines.join('\n') };
}

export function resultText(result: ImportResult): string {
  const conversations = [...result.touched.values()].reduce((sum, stored) => sum + stored.conversationIds.length, 0);
  return result.added === 0 ? 'Nothing new was imported.' : `Imported ${n(result.added, 'message')} into ${n(conversations, 'conversation')}.`;
}
