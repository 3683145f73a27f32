// The outcome of checking a form: the arguments to send, or one message per bad field.
import type { z } from 'zod';

export type FormResult<Values, Field extends string> =
  | { ok: true; values: Values }
  | { ok: false; errors: Partial<Record<Field, string>> };

export function toFormResult<Values, Field extends string>(
  result: z.ZodSafeParseResult<Values>,
  fields: readonly Field[],
): FormResult<Values, Field> {
  if (result.success) return { ok: true, values: result.data };
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of result.error.issues) {
    const field = fields.find((f) => f === issue.path[0]);
    if (field !== undefined && errors[field] === undefined) errors[field] = issue.message;
  }
  return { ok: false, errors };
}
