// The right pane: the open conversation, or why there is none.
import { useId } from 'react';
import { useAppStore } from '../store/store-context';
import { AssistantWhy } from './assistant-why';
import { Composer } from './composer';
import { MessageList } from './message-list';
import { SchedulePanel } from './outreach/schedule-panel';
import { EmptyState, ErrorState, Loading } from './state-views';
import { ThreadHeader } from './thread-header';

export function ThreadPane() {
  const titleId = useId();
  const thread = useAppStore((s) => s.thread);
  const openThread = useAppStore((s) => s.openThread);
  const name = thread.conversation?.memberName;

  let content;
  if (thread.conversationId === null) {
    content = (
      <EmptyState title="No conversation open">
        <p>
          Pick one from the list, or press <kbd>j</kbd> and <kbd>k</kbd> to move through it.
        </p>
      </EmptyState>
    );
  } else if (thread.status === 'error' && thread.error) {
    const id = thread.conversationId;
    content =
      thread.error.code === 'not_found' ? (
        <EmptyState title="This conversation no longer exists." />
      ) : (
        <ErrorState title="This conversation could not be loaded" message={thread.error.message} onRetry={() => void openThread(id)} />
      );
  } else if (thread.status !== 'ready' || thread.conversation === null) {
    content = <Loading label={name ? `Loading the conversation with ${name}…` : 'Loading the conversation…'} />;
  } else {
    content = (
      <>
        <ThreadHeader conversation={thread.conversation} titleId={titleId} />
        <MessageList />
        <AssistantWhy conversationId={thread.conversation.id} />
        <Composer conversation={thread.conversation} />
        <SchedulePanel conversation={thread.conversation} />
      </>
    );
  }

  return (
    <aside className="thread-pane" aria-label={name ? `Conversation with ${name}` : 'Conversation'}>
      {content}
    </aside>
  );
}
