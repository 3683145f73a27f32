// Every suggested reply in full, numbered: 1–9 insert one into the reply box (the chips beside it
// show only each reply's start).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Suggestion } from '../../../common/contract';

export function SuggestionPicker({ items, onPick }: { items: readonly Suggestion[]; onPick: (s: Suggestion) => void }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) panelRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [open]);

  const pick = (s: Suggestion): void => {
    setOpen(false);
    onPick(s);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      toggleRef.current?.focus();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || !/^[1-9]$/.test(event.key)) return;
    const chosen = items[Number(event.key) - 1];
    if (!chosen) return;
    event.preventDefault();
    event.stopPropagation();
    pick(chosen);
  };

  return (
    <div className="suggestion-picker">
      <button
        ref={toggleRef}
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        All suggestions ({items.length})
      </button>
      {open ? (
        <div ref={panelRef} id={panelId} className="suggestion-panel" role="group" aria-label="Suggested replies in full" onKeyDown={onKeyDown}>
          <p className="muted suggestion-hint">Press a number to insert that reply.</p>
          <ol className="suggestion-list">
            {items.slice(0, 9).map((s, i) => (
              <li key={s.id}>
                <button type="button" className="suggestion-full" onClick={() => pick(s)}>
                  <kbd aria-hidden="true">{i + 1}</kbd>
                  <span className="suggestion-full-text" dir="auto">
                    {s.text}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </div>
  );
}
