// The two questions team mode asks before acting: taking a conversation someone else holds, and
// sending while someone else replied (or is replying) within the last minute. Cancel comes first
// and has the focus: the safe answer is one key away.
import { useNow } from '../../hooks/use-now';
import { useAppStore } from '../../store/store-context';
import { staffLabel } from '../../store/team-slice';
import { Modal } from '../modal';

export function TakeOverDialog() {
  const pending = useAppStore((s) => s.team.takeOver);
  const answer = useAppStore((s) => s.answerTakeOver);
  if (!pending) return null;
  return (
    <Modal title="Take over?" onClose={() => void answer(false)}>
      <p>{pending.assignee.name} has this conversation. Take it over?</p>
      <div className="modal-actions">
        <button type="button" className="button" data-autofocus onClick={() => void answer(false)}>
          Cancel
        </button>
        <button type="button" className="button button--primary" onClick={() => void answer(true)}>
          Take over
        </button>
      </div>
    </Modal>
  );
}

function ago(at: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(at)) / 1000));
  return seconds < 60 ? `${seconds} s ago` : `${Math.round(seconds / 60)} min ago`;
}

export function CollisionPrompt() {
  const now = useNow(1000);
  const pending = useAppStore((s) => s.team.collision);
  const me = useAppStore((s) => s.team.status?.me ?? null);
  const clear = useAppStore((s) => s.clearCollision);
  const sendReply = useAppStore((s) => s.sendReply);
  if (!pending) return null;
  const { collision, conversationId } = pending;
  const who = staffLabel(collision.staff, me);
  const question =
    collision.kind === 'replying' ? `${who} is replying right now — send anyway?` : `${who} replied ${ago(collision.at, now)} — send anyway?`;
  return (
    <Modal title="Send anyway?" onClose={clear}>
      <p>{question}</p>
      <div className="modal-actions">
        <button type="button" className="button" data-autofocus onClick={clear}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            clear();
            void sendReply(conversationId, true);
          }}
        >
          Send anyway
        </button>
      </div>
    </Modal>
  );
}
