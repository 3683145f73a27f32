// "Jordan is viewing" / "Jordan is replying": who else is in this conversation now. Polite live
// region, so a screen reader hears when someone starts replying without losing its place.
import type { Presence } from '../../../../common/contract';
import { useAppStore } from '../../store/store-context';

const EMPTY: Presence[] = [];

export function presenceText(presence: readonly Presence[]): string {
  const replying = presence.filter((p) => p.state === 'replying').map((p) => p.staff.name);
  const viewing = presence.filter((p) => p.state === 'viewing' && !replying.includes(p.staff.name)).map((p) => p.staff.name);
  const join = (names: string[]): string => (names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
  const parts: string[] = [];
  if (replying.length > 0) parts.push(`${join(replying)} ${replying.length === 1 ? 'is' : 'are'} replying`);
  if (viewing.length > 0) parts.push(`${join(viewing)} ${viewing.length === 1 ? 'is' : 'are'} viewing`);
  return parts.join(' · ');
}

export function PresenceLine({ conversationId }: { conversationId: number }) {
  const presence = useAppStore((s) => s.team.presence[conversationId] ?? EMPTY);
  const text = presenceText(presence);
  const replying = presence.some((p) => p.state === 'replying');
  return (
    <p className={`presence-line${replying ? ' presence-line--replying' : ''}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}
