// The gym's own facts, written by staff in Settings → Knowledge. Drafts may state only what is
// here; a blank field means "not known", never "none". Defined once: the IPC contract, the
// export file and the database all parse with these schemas.
import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `HH:MM` on a 24-hour clock; `24:00` closes a span at midnight. */
const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM (00:00–24:00)');
const text = (max: number) => z.string().trim().max(max);

export const timeSpanSchema = z
  .object({ from: clockTime, to: clockTime })
  .strict()
  .refine((s) => s.from < s.to, { message: 'a span must end after it starts (use 24:00 for midnight)' });
export type TimeSpan = z.infer<typeof timeSpanSchema>;

/** Per weekday, the spans in order; an empty list is a closed day, a missing day is unknown. */
const weekSchema = z.partialRecord(z.enum(WEEKDAYS), z.array(timeSpanSchema).max(4));
export type WeekHours = z.infer<typeof weekSchema>;

export const holidaySchema = z
  .object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
    name: text(80).min(1),
    /** Null: the club keeps its usual opening hours that day. Empty: closed. */
    open: z.array(timeSpanSchema).max(4).nullable(),
    /** Null: usual staffed hours. Empty: no staff that day. */
    staffed: z.array(timeSpanSchema).max(4).nullable(),
  })
  .strict();
export type Holiday = z.infer<typeof holidaySchema>;

export const planSchema = z.object({ name: text(80).min(1), price: text(80).min(1), details: text(400).default('') }).strict();
export const classEntrySchema = z
  .object({ name: text(80).min(1), day: z.enum(WEEKDAYS), time: clockTime, trainer: text(80).default('') })
  .strict();
export const trainerSchema = z.object({ name: text(80).min(1), focus: text(200).default('') }).strict();
export const faqSchema = z.object({ question: text(300).min(1), answer: text(1000).min(1) }).strict();

export const knowledgeSchema = z
  .object({
    clubName: text(120).default(''),
    openingHours: weekSchema.default({}),
    staffedHours: weekSchema.default({}),
    holidays: z.array(holidaySchema).max(100).default([]),
    address: text(300).default(''),
    parking: text(500).default(''),
    plans: z.array(planSchema).max(30).default([]),
    freezePolicy: text(1000).default(''),
    cancelPolicy: text(1000).default(''),
    guestPolicy: text(1000).default(''),
    classes: z.array(classEntrySchema).max(200).default([]),
    trainers: z.array(trainerSchema).max(50).default([]),
    faq: z.array(faqSchema).max(100).default([]),
  })
  .strict();
export type Knowledge = z.infer<typeof knowledgeSchema>;

export const EMPTY_KNOWLEDGE: Knowledge = knowledgeSchema.parse({});

/** The export file: a marked envelope, so importing some other JSON file fails clearly. */
export const knowledgeFileSchema = z
  .object({ format: z.literal('frontdesk-knowledge'), formatVersion: z.literal(1), exportedAt: z.string(), knowledge: knowledgeSchema })
  .strict();
export type KnowledgeFile = z.infer<typeof knowledgeFileSchema>;
