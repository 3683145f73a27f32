// An internal note in the thread: staff only, never sent. It looks unlike any message (a dashed
// yellow card with "Internal note" spelled out), so nobody mistakes it for something the member saw.
import type { InternalNote } from '../../../../common/contract';

export function NoteItem({ note, locale, timeZone }: { note: InternalNote; locale: string | undefined; timeZone: string | undefined }) {
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(note.createdAt));
  return (
    <li className="note" aria-label={`Internal note by ${note.author.name}`}>
      <p className="note-label">
        Internal note · {note.author.name} · {time}
      </p>
      <p className="note-body" dir="auto">
        {note.body}
      </p>
    </li>
  );
}
