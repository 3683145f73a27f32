// The snooze picker (`s`): when the open conversation comes back. Each choice has a number key.
import { useState, type KeyboardEvent } from 'react';
import { snoozeOptions } from '../format/snooze-options';
import { useAppStore, useTimeOptions } from '../store/store-context';
import { Modal } from './modal';

export function SnoozeDialog() {
  const closeDialog = useAppStore((s) => s.closeDialog);
  const conversation = useAppStore((s) => s.thread.conversation);
  const setConversationStatus = useAppStore((s) => s.setConversationStatus);
  const { locale } = useTimeOptions();
  const [options] = useState(() => snoozeOptions(Date.now(), locale));

  if (!conversation) return null;
  const choose = (until: string): void => {
    closeDialog();
    void setConversationStatus(conversation.id, 'snoozed', until);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const option = /^[1-9]$/.test(event.key) ? options[Number(event.key) - 1] : undefined;
    if (!option) return;
    event.preventDefault();
    choose(option.until);
  };

  return (
    <Modal title={`Snooze ${conversation.memberName || 'this conversation'} until…`} onClose={closeDialog}>
      <div className="snooze-options" role="group" aria-label="Snooze until" onKeyDown={onKeyDown}>
        {options.map((o, i) => (
          <button key={o.id} type="button" className="button snooze-option" onClick={() => choose(o.until)}>
            <kbd aria-hidden="true">{i + 1}</kbd> {o.label}
          </button>
        ))}
      </div>
    </Modal>
  );
}
