// The thread's messages by day. Stays pinned to the newest message while the user is at the
// bottom; when they have scrolled up, arrivals show a "new messages" pill instead of moving the
// view. Loading older pages keeps the view where it was.
import type { InternalNote } from '../../../common/contract';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatDayHeading } from '../format/day-heading';
import { groupThreadByDay } from '../format/group-by-day';
import { NoteItem } from './team/note-item';
import { useNow } from '../hooks/use-now';
import { useWindowAttention } from '../hooks/use-window-attention';
import { useTimeOptions, useAppStore } from '../store/store-context';
import { MessageItem, messageDomId } from './message-item';
import { ErrorLine } from './error-line';

/** Pixels from the end that still count as "at the bottom". */
const BOTTOM_SLACK = 48;
const NO_NOTES: InternalNote[] = [];

function isAtBottom(element: HTMLElement): boolean {
  return element.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_SLACK;
}

export function MessageList() {
  const { conversationId, messages, prevCursor, loadingOlder, olderError, targetMessageId, arrivals, history } = useAppStore(
    useShallow((s) => ({
      conversationId: s.thread.conversationId,
      messages: s.thread.messages,
      prevCursor: s.thread.prevCursor,
      loadingOlder: s.thread.loadingOlder,
      olderError: s.thread.olderError,
      targetMessageId: s.thread.targetMessageId,
      arrivals: s.thread.arrivals,
      history: s.thread.history,
    })),
  );
  const notes = useAppStore((s) => (s.team.notes.conversationId === s.thread.conversationId ? s.team.notes.items : NO_NOTES));
  const loadOlder = useAppStore((s) => s.loadOlder);
  const fetchHistory = useAppStore((s) => s.fetchHistory);
  const markThreadRead = useAppStore((s) => s.markThreadRead);
  const { locale, timeZone } = useTimeOptions();
  const now = useNow(60_000);
  const attentive = useWindowAttention();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [atBottom, setAtBottom] = useState(true);
  // What the list showed at the last render, to tell an older page (prepended) from arrivals (appended).
  const shown = useRef<{ conversationId: number | null; firstId: number | null; lastId: number | null; scrollHeight: number }>({
    conversationId: null,
    firstId: null,
    lastId: null,
    scrollHeight: 0,
  });

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const before = shown.current;
    const firstId = messages[0]?.id ?? null;
    const last = messages.at(-1) ?? null;
    if (before.conversationId !== conversationId) {
      // A conversation just opened: at the search hit if there is one, else at the newest message.
      const target = targetMessageId !== null ? document.getElementById(messageDomId(targetMessageId)) : null;
      if (target) target.scrollIntoView?.({ block: 'center' });
      else element.scrollTop = element.scrollHeight;
    } else if (firstId !== before.firstId && last?.id === before.lastId) {
      element.scrollTop += element.scrollHeight - before.scrollHeight;
    } else if (last !== null && last.id !== before.lastId) {
      const wasAtBottom = before.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_SLACK;
      if (wasAtBottom || last.direction === 'outbound') element.scrollTop = element.scrollHeight;
    }
    shown.current = { conversationId, firstId, lastId: last?.id ?? null, scrollHeight: element.scrollHeight };
  }, [conversationId, messages, targetMessageId]);

  useEffect(() => {
    if (arrivals > 0 && atBottom && attentive) void markThreadRead({ auto: true });
  }, [arrivals, atBottom, attentive, markThreadRead]);

  const groups = groupThreadByDay(messages, notes, prevCursor === null, timeZone);
  const showPill = arrivals > 0 && !atBottom;

  return (
    <div className="message-area">
      <div
        ref={scrollRef}
        className="message-scroll"
        tabIndex={0}
        aria-label="Messages"
        role="region"
        onScroll={(event) => setAtBottom(isAtBottom(event.currentTarget))}
      >
        <div className="thread-start">
          {prevCursor !== null ? (
            <button type="button" className="button button--small" disabled={loadingOlder} onClick={() => void loadOlder()}>
              {loadingOlder ? 'Loading…' : 'Load older messages'}
            </button>
          ) : (
            <>
              <span className="muted">Beginning of the conversation in Frontdesk.</span>
              <button type="button" className="link-button" disabled={history.status === 'loading'} onClick={() => void fetchHistory()}>
                {history.status === 'loading' ? 'Fetching history from ClubOS…' : 'Fetch earlier history from ClubOS'}
              </button>
            </>
          )}
          <ErrorLine message={olderError?.message} prefix="Older messages could not be loaded: " />
          {history.status === 'done' ? (
            <p className="muted" role="status">
              {history.added === 0 ? 'ClubOS has no earlier messages.' : `${history.added} earlier ${history.added === 1 ? 'message' : 'messages'} added.`}
            </p>
          ) : null}
          <ErrorLine message={history.status === 'error' ? history.error?.message : null} prefix="History could not be fetched: " />
        </div>
        {messages.length === 0 ? <p className="muted thread-empty">No messages in this conversation yet.</p> : null}
        {groups.map((group, index) => {
          const headingId = `day-${conversationId ?? 0}-${index}`;
          return (
            <section key={`${group.localDate}-${index}`} className="day-group" aria-labelledby={headingId}>
              <h3 id={headingId} className="day-heading">
                {formatDayHeading(group.localDate, now, { locale, timeZone })}
              </h3>
              <ol className="message-group">
                {group.entries.map((e) =>
                  e.kind === 'message' ? (
                    <MessageItem key={e.message.id} message={e.message} target={e.message.id === targetMessageId} locale={locale} />
                  ) : (
                    <NoteItem key={`note-${e.note.uid}`} note={e.note} locale={locale} timeZone={timeZone} />
                  ),
                )}
              </ol>
            </section>
          );
        })}
      </div>
      {showPill ? (
        <button
          type="button"
          className="new-messages-pill"
          onClick={() => {
            const element = scrollRef.current;
            if (element) element.scrollTop = element.scrollHeight;
            setAtBottom(true);
          }}
        >
          {arrivals} new {arrivals === 1 ? 'message' : 'messages'} <span aria-hidden="true">↓</span>
        </button>
      ) : null}
    </div>
  );
}
