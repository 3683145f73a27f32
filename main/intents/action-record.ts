// What goes into `messages.ai_action_taken` (JSON) and its sibling columns when a message is
// classified. The schema lets the record be read back and checked, whichever version wrote it.
import { z } from 'zod';
import { INTENTS } from '../../common/intent-catalog';
import type { Classification } from './classifier';

export const aiActionTakenSchema = z.object({
  intent: z.enum(INTENTS),
  confidence: z.number().min(0).max(1),
  classifierVersion: z.string().min(1),
  needsReply: z.boolean(),
  signals: z.array(z.string()),
  /** Tagging is all the classifier does; nothing is ever sent automatically. */
  action: z.literal('tagged'),
});

export type AiActionTaken = z.infer<typeof aiActionTakenSchema>;

export function buildActionRecord(classification: Classification): AiActionTaken {
  return {
    intent: classification.intent,
    confidence: classification.confidence,
    classifierVersion: classification.version,
    needsReply: classification.needsReply,
    signals: [...classification.signals],
    action: 'tagged',
  };
}

/** The message columns a classification fills, ready for the db layer to write. */
export interface MessageAiFields {
  aiProcessed: true;
  aiConfidenceScore: number;
  /** JSON of an AiActionTaken. */
  aiActionTaken: string;
}

export function messageAiFields(classification: Classification): MessageAiFields {
  return {
    aiProcessed: true,
    aiConfidenceScore: classification.confidence,
    aiActionTaken: JSON.stringify(buildActionRecord(classification)),
  };
}

/** Reads a stored `ai_action_taken` back; null for anything that is not a valid record. */
export function parseActionRecord(json: string | null): AiActionTaken | null {
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = aiActionTakenSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
