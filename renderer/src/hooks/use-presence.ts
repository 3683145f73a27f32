// Tells the team what I am doing in the open conversation: viewing while it is open, replying
// while I type in its reply box (until 10 s after the last key), nothing once I leave. Renewed every
// 5 s while it holds (others drop it 15 s after the last renewal), and sent at once when it
// changes, so typing costs one call per 5 s at most, not one per key.
import { useEffect, useRef, useState } from 'react';
import { useAppDeps } from '../store/store-context';

export const PRESENCE_RENEW_MS = 5_000;
export const REPLYING_IDLE_MS = 10_000;

/** `typedAt` changes on every key in the reply box (null: not typing, or the box is empty). */
export function usePresence(conversationId: number, typedAt: number | null): void {
  const { api, now } = useAppDeps();
  // The key press whose quiet period has run out: replying ends with it.
  const [quietAfter, setQuietAfter] = useState<number | null>(null);
  const replying = typedAt !== null && quietAfter !== typedAt;
  const state = replying ? 'replying' : 'viewing';
  const sent = useRef<{ id: number; state: string; at: number } | null>(null);

  // Typing makes it "replying"; quiet for REPLYING_IDLE_MS makes it "viewing" again.
  useEffect(() => {
    if (typedAt === null) return;
    const timer = setTimeout(() => setQuietAfter(typedAt), Math.max(0, typedAt + REPLYING_IDLE_MS - now()));
    return () => clearTimeout(timer);
  }, [typedAt, now]);

  useEffect(() => {
    const announce = (force: boolean): void => {
      const last = sent.current;
      if (!force && last && last.id === conversationId && last.state === state && now() - last.at < PRESENCE_RENEW_MS) return;
      sent.current = { id: conversationId, state, at: now() };
      void api.setPresence({ conversationId, state }).catch(() => undefined);
    };
    announce(false);
    const timer = setInterval(() => announce(true), PRESENCE_RENEW_MS);
    return () => clearInterval(timer);
  }, [api, now, conversationId, state]);

  // Leaving the conversation (or closing the window) clears it at once.
  useEffect(
    () => () => {
      sent.current = null;
      void api.setPresence({ conversationId, state: 'none' }).catch(() => undefined);
    },
    [api, conversationId],
  );
}
