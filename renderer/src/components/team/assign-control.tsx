// Who has the conversation, and a menu to assign it: to me, to someone of the team, or to nobody.
// A native select, like Snooze: the keyboard and screen readers know it (Shift+M focuses it, m
// assigns to me). Taking it from someone else asks first (TakeOverDialog).
import { useRef } from 'react';
import type { Conversation } from '../../../../common/contract';
import { useFocusRequest } from '../../hooks/use-focus-request';
import { useAppStore } from '../../store/store-context';
import { staffLabel } from '../../store/team-slice';

export function AssigneeChip({ conversation }: { conversation: Conversation }) {
  const me = useAppStore((s) => s.team.status?.me ?? null);
  if (!conversation.assignee) return null;
  return <span className="chip chip--assignee">{staffLabel(conversation.assignee, me) === 'You' ? 'Assigned to you' : `Assigned to ${conversation.assignee.name}`}</span>;
}

export function AssignControl({ conversation: c }: { conversation: Conversation }) {
  const me = useAppStore((s) => s.team.status?.me ?? null);
  const staff = useAppStore((s) => s.team.staff);
  const assign = useAppStore((s) => s.assign);
  const ref = useRef<HTMLSelectElement>(null);
  useFocusRequest('assign', ref);
  const others = staff.filter((s) => !s.isMe && s.id !== me?.id);
  return (
    <>
      <label className="sr-only" htmlFor={`assign-${c.id}`}>
        Assign (Shift+M; m assigns to me)
      </label>
      <select
        ref={ref}
        id={`assign-${c.id}`}
        className="select select--small"
        value=""
        onChange={(event) => {
          const value = event.target.value;
          if (value === 'me') void assign(c.id, { kind: 'me' });
          else if (value === 'nobody') void assign(c.id, { kind: 'nobody' });
          else if (value.startsWith('staff:')) void assign(c.id, { kind: 'staff', staffId: value.slice(6) });
        }}
      >
        <option value="" disabled>
          Assign…
        </option>
        <option value="me" disabled={me !== null && c.assignee?.id === me.id}>
          To me
        </option>
        {others.map((s) => (
          <option key={s.id} value={`staff:${s.id}`} disabled={c.assignee?.id === s.id}>
            To {s.name}
            {s.online ? '' : ' (away)'}
          </option>
        ))}
        <option value="nobody" disabled={!c.assignee}>
          To nobody
        </option>
      </select>
    </>
  );
}
