import { SHORTCUT_HELP } from '../keyboard/shortcuts';
import { useAppStore } from '../store/store-context';
import { Modal } from './modal';

export function HelpDialog() {
  const closeDialog = useAppStore((s) => s.closeDialog);
  return (
    <Modal title="Keyboard shortcuts" onClose={closeDialog}>
      <p className="muted">Shortcuts work when you are not typing in a text field.</p>
      <dl className="shortcut-list">
        {SHORTCUT_HELP.map((s) => (
          <div key={s.keys} className="shortcut-row">
            <dt>
              <kbd>{s.keys}</kbd>
            </dt>
            <dd>{s.description}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
