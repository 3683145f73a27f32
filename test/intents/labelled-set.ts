// Reads a labelled JSONL fixture, one `{"text", "intent"}` object per line, parsed strictly so a
// typo in a label fails loudly instead of silently scoring as a miss.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { INTENTS } from '../../common/intent-catalog';

const labelledMessageSchema = z.object({ text: z.string(), intent: z.enum(INTENTS) }).strict();
export type LabelledMessage = z.infer<typeof labelledMessageSchema>;

export function readLabelledSet(path: string): LabelledMessage[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = labelledMessageSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${index + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}
