// The conversation's own tags: remove with ×, add by typing and Enter.
import { useState } from 'react';
import type { Conversation } from '../../../common/contract';
import { tagLabel } from '../format/tag-label';
import { useAppStore } from '../store/store-context';

const MAX_TAG_LENGTH = 60;
const MAX_TAGS = 30;

export function TagEditor({ conversation }: { conversation: Conversation }) {
  const setConversationTags = useAppStore((s) => s.setConversationTags);
  const [text, setText] = useState('');
  const add = (): void => {
    const tag = text.trim();
    if (tag === '' || tag.length > MAX_TAG_LENGTH || conversation.tags.length >= MAX_TAGS) return;
    setText('');
    if (!conversation.tags.includes(tag)) void setConversationTags(conversation.id, [...conversation.tags, tag]);
  };
  return (
    <div className="tag-editor">
      <ul className="tag-list" aria-label="Tags">
        {conversation.tags.map((tag) => (
          <li key={tag} className="chip chip--removable">
            <span>{tagLabel(tag)}</span>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove tag ${tagLabel(tag)}`}
              onClick={() => void setConversationTags(conversation.id, conversation.tags.filter((t) => t !== tag))}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <label className="sr-only" htmlFor={`tag-input-${conversation.id}`}>
        Add a tag
      </label>
      <input
        id={`tag-input-${conversation.id}`}
        className="tag-input"
        type="text"
        placeholder="Add tag"
        maxLength={MAX_TAG_LENGTH}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            add();
          }
        }}
      />
    </div>
  );
}
