// Reads the assistant's labelled set (test/fixtures/assistant/README.md): per member text, its
// context, the decision the policy must take and the knowledge a good draft states. Parsed
// strictly, so a typo in a label fails loudly instead of scoring as a miss.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const localMinute = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);

export const evalItemSchema = z
  .object({
    text: z.string().min(1),
    decision: z.enum(['none', 'suggest', 'queue', 'auto']),
    /** A person must handle it: the hard gate counts automatic sends on these. */
    needsPerson: z.boolean(),
    /** Fact ids or kinds (`staffedHours`, `classes`, `faq:0`) a good draft states. */
    facts: z.array(z.string()),
    /** Club-local time the text arrives (default Monday 2026-12-07 10:00, staffed). */
    at: localMinute.optional(),
    optedOut: z.boolean().optional(),
    /** Automatic replies already sent since the member last heard from a person. */
    autoThisTurn: z.number().int().nonnegative().optional(),
    /** Earlier messages of the conversation, oldest first. */
    thread: z.array(z.object({ direction: z.enum(['inbound', 'outbound', 'system']), body: z.string() }).strict()).optional(),
  })
  .strict();
export type EvalItem = z.infer<typeof evalItemSchema>;

export function readEvalSet(path: string): EvalItem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = evalItemSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${index + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}
