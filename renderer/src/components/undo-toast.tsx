// "Conversation resolved. Undo" for five seconds after resolve, archive, snooze or mark handled.
import { useEffect } from 'react';
import { UNDO_MS } from '../store/ui-slice';
import { useAppStore } from '../store/store-context';

export function UndoToast() {
  const undo = useAppStore((s) => s.ui.undo);
  const undoLast = useAppStore((s) => s.undoLast);
  const dismissUndo = useAppStore((s) => s.dismissUndo);

  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => dismissUndo(undo.nonce), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo, dismissUndo]);

  if (!undo) return null;
  return (
    <div className="toast toast--undo" role="status" key={undo.nonce}>
      <span>{undo.text}</span>
      <button type="button" className="link-button" onClick={() => void undoLast()}>
        Undo <kbd>z</kbd>
      </button>
    </div>
  );
}
