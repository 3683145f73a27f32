// Fills the corpus placeholders ({trainer}, {day}, …) with seeded choices.
import type { Random } from './random';
import { AMOUNTS, CLASS_NAMES, CLOCK_TIMES, WEEKDAYS, WEEKDAYS_ES } from './text-corpus';

export interface TemplateContext {
  /** First names a {trainer} placeholder may name. */
  trainers: readonly string[];
  /** The member the text is from or to, for {first}. */
  memberFirstName: string;
}

export function fillTemplate(template: string, rng: Random, ctx: TemplateContext): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    switch (key) {
      case 'trainer':
        return ctx.trainers.length > 0 ? rng.pick(ctx.trainers) : 'coach';
      case 'day':
        return rng.pick(WEEKDAYS);
      case 'dia':
        return rng.pick(WEEKDAYS_ES);
      case 'time':
        return rng.pick(CLOCK_TIMES);
      case 'amount':
        return rng.pick(AMOUNTS);
      case 'class':
        return rng.pick(CLASS_NAMES);
      case 'first':
        return ctx.memberFirstName;
      default:
        return whole;
    }
  });
}
