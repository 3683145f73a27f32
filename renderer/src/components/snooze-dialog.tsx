// The snooze picker (`s`): when the open conversation comes back. Each choice has a number key.
import { useEffect, useState } from 'react';
import { snoozeOptions } from '../format/snooze-options';
import { useAppStore, useTimeOptions } from '../store/store-context';
import { Modal } from './modal';

export function SnoozeDialog() {
  const closeDialog = useAppStore((s) => s.closeDialog);
  const conversation = useAppStore((s) => s.thread.conversation);
  const setConversationStatus = useAppStore((s) => s.setConversationStatus);
  const { locale } = useTimeOptions();
  const [options] = useState(() => snoozeOptions(Date.now(), locale));

  const conversationId = conversation?.id ?? null;
  // A number picks its option wherever focus is in the dialog (it starts on the close button).
  useEffect(() => {
    if (conversationId === null) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || !/^[1-9]$/.test(event.key)) return;
      const option = options[Number(event.key) - 1];
      if (!option) return;
      event.preventDefault();
      closeDialog();
      void setConversationStatus(conversationId, 'snoozed', option.until);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [conversationId, options, closeDialog, setConversationStatus]);

  if (!conversation) return null;
  const choose = (until: string): void => {
    closeDialog();
    void setConversationStatus(conversation.id, 'snoozed', until);
  };

  return (
    <Modal title={`Snooze ${conversation.memberName || 'this conversation'} until…`} onClose={closeDialog}>
      <div className="snooze-options" role="group" aria-label="Snooze until">
        {options.map((o, i) => (
          <button key={o.id} type="button" className="button snooze-option" onClick={() => choose(o.until)}>
            <kbd aria-hidden="true">{i + 1}</kbd> {o.label}
          </button>
        ))}
      </div>
    </Modal>
  );
}
