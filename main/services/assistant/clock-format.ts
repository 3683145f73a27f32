// Times as members read them in a text: "6 AM", "5:30 PM", "24 horas" aside. The same
// normalization reads times back out of a draft, so the guards can compare them with the knowledge.
import type { TimeSpan } from '../../../common/knowledge';
import type { Language } from './language';

export function formatClock(hhmm: string, language: Language): string {
  if (hhmm === '24:00' || hhmm === '00:00') return language === 'es' ? 'medianoche' : 'midnight';
  const hour = Number(hhmm.slice(0, 2));
  const minute = hhmm.slice(3, 5);
  if (language === 'es') return minute === '00' ? `${hour}:00` : `${hour}:${minute}`;
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${h12}${minute === '00' ? '' : `:${minute}`} ${hour < 12 ? 'AM' : 'PM'}`;
}

export function formatSpans(spans: readonly TimeSpan[], language: Language): string {
  const parts = spans.map((s) =>
    s.from === '00:00' && s.to === '24:00' ? (language === 'es' ? 'las 24 horas' : '24 hours') : `${formatClock(s.from, language)}–${formatClock(s.to, language)}`,
  );
  const and = language === 'es' ? ' y ' : ' and ';
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')}${and}${parts.at(-1)!}`;
}

/** Minutes after midnight of every clock time written in `text` ("6 AM", "5:30pm", "18:00", "midnight"). */
export function clockMinutesIn(text: string): number[] {
  const found: number[] = [];
  const twelve = /\b(\d{1,2})(?::([0-5]\d))?\s*([ap])\.?\s*m\b\.?/giu;
  for (const m of text.matchAll(twelve)) {
    const hour = Number(m[1]);
    if (hour < 1 || hour > 12) continue;
    const pm = m[3]!.toLowerCase() === 'p';
    found.push(((hour % 12) + (pm ? 12 : 0)) * 60 + Number(m[2] ?? 0));
  }
  const stripped = text.replace(twelve, ' ');
  for (const m of stripped.matchAll(/\b([01]?\d|2[0-4]):([0-5]\d)\b/gu)) found.push(Number(m[1]) * 60 + Number(m[2]));
  if (/\b(?:midnight|medianoche)\b/iu.test(text)) found.push(0, 24 * 60);
  if (/\b(?:noon|mediod[ií]a)\b/iu.test(text)) found.push(12 * 60);
  return found;
}
