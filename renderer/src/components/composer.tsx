// The reply box: SMS or email, suggested replies for the conversation's intent, the SMS length and
// segment count, and a clear block when the member opted out of texts.
import { useRef, useState } from 'react';
import type { Conversation } from '../../../common/contract';
import { countSms } from '../format/sms-segments';
import { useFocusRequest } from '../hooks/use-focus-request';
import { usePresence } from '../hooks/use-presence';
import { useAppDeps } from '../store/store-context';
import { SuggestionPicker } from './suggestion-picker';
import { emptyDraft, type ReplyChannel } from '../store/composer-slice';
import { useAppStore } from '../store/store-context';
import { ErrorLine } from './error-line';

export const MAX_REPLY_LENGTH = 2000;
export const MAX_NOTE_LENGTH = 4000;
/** Long texts arrive as several messages on the member's phone; past this, suggest email. */
const MANY_SEGMENTS = 4;

/** One count the user can act on: how much room is left, and how many SMS the member will get. */
function SmsCounter({ body }: { body: string }) {
  const count = countSms(body);
  const texts = count.segments === 1 ? '1 SMS' : `${count.segments} SMS`;
  return (
    <span className="sms-counter" aria-live="off">
      {count.segments === 0 ? `Up to ${count.perSegment} characters per SMS` : `${count.remaining} left · ${texts}`}
      {count.encoding === 'UCS-2' ? <span className="muted"> · special characters make each SMS shorter</span> : null}
      {count.segments > MANY_SEGMENTS ? <span className="warn-text"> · long for a text; consider email</span> : null}
    </span>
  );
}

export function Composer({ conversation }: { conversation: Conversation }) {
  const saved = useAppStore((s) => s.composer.drafts[conversation.id]);
  const draft = saved ?? emptyDraft(conversation);
  const suggestions = useAppStore((s) => s.composer.suggestions);
  const sending = useAppStore((s) => s.composer.sending);
  const sendError = useAppStore((s) => s.composer.sendError);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const sendReply = useAppStore((s) => s.sendReply);
  const assistantDraft = useAppStore((s) => (s.assistant.composerDraft.conversationId === conversation.id ? s.assistant.composerDraft : null));
  const requestDraft = useAppStore((s) => s.requestDraft);
  const addNote = useAppStore((s) => s.addNote);
  const { now } = useAppDeps();
  const textRef = useRef<HTMLTextAreaElement>(null);
  useFocusRequest('composer', textRef);
  // When I last typed a reply here: the team sees "replying" until I stop for a while.
  const [typedAt, setTypedAt] = useState<number | null>(null);
  usePresence(conversation.id, typedAt);
  const [noting, setNoting] = useState(false);

  const id = conversation.id;
  const firstName = conversation.memberName.split(/\s+/)[0] || 'the member';
  const smsBlocked = conversation.optedOut;
  const channel: ReplyChannel = smsBlocked ? 'email' : draft.channel;
  const body = draft.body;
  const tooLong = body.length > MAX_REPLY_LENGTH;
  const canSend = body.trim() !== '' && !tooLong && !sending;
  const items = suggestions.conversationId === id ? suggestions.items : [];

  const mode = draft.mode ?? 'reply';
  const note = draft.note ?? '';
  const canNote = note.trim() !== '' && note.length <= MAX_NOTE_LENGTH && !noting;

  const send = (): void => {
    if (mode === 'note') {
      if (!canNote) return;
      setNoting(true);
      void addNote(id, note).then((added) => {
        setNoting(false);
        if (added) updateDraft(id, { note: '' });
      });
      return;
    }
    if (!canSend) return;
    if (draft.channel !== channel) updateDraft(id, { channel });
    setTypedAt(null);
    void sendReply(id);
  };

  const modeToggle = (
    <fieldset className="channel-toggle mode-toggle">
      <legend className="sr-only">Write</legend>
      <label className={mode === 'reply' ? 'toggle toggle--on' : 'toggle'}>
        <input type="radio" name={`mode-${id}`} value="reply" checked={mode === 'reply'} onChange={() => updateDraft(id, { mode: 'reply' })} />
        Reply
      </label>
      <label className={mode === 'note' ? 'toggle toggle--on toggle--note' : 'toggle'}>
        <input type="radio" name={`mode-${id}`} value="note" checked={mode === 'note'} onChange={() => updateDraft(id, { mode: 'note' })} />
        Note
      </label>
    </fieldset>
  );

  if (mode === 'note') {
    return (
      <form
        className="composer composer--note"
        aria-label={`Internal note on ${conversation.memberName || 'the member'}`}
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <div className="composer-top">{modeToggle}</div>
        <label className="sr-only" htmlFor={`note-${id}`}>
          Internal note
        </label>
        <textarea
          ref={textRef}
          id={`note-${id}`}
          className="composer-text"
          rows={3}
          placeholder="A note for the team…"
          value={note}
          aria-describedby={`note-help-${id}`}
          onChange={(event) => updateDraft(id, { note: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              send();
            }
          }}
        />
        <div className="composer-bottom">
          <span id={`note-help-${id}`} className="composer-help">
            Only staff see notes; {firstName} never does. Nothing is sent.
            {note.length > MAX_NOTE_LENGTH ? <span className="error-text"> · {note.length - MAX_NOTE_LENGTH} characters over the limit</span> : null}
          </span>
          <button type="submit" className="button button--note" disabled={!canNote}>
            {noting ? 'Adding…' : 'Add note'}
          </button>
        </div>
      </form>
    );
  }

  return (
    <form
      className="composer"
      aria-label={`Reply to ${conversation.memberName || 'the member'}`}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      {smsBlocked ? (
        <div className="optout-block" role="note">
          <strong>{firstName} opted out of texts.</strong> ClubOS will not deliver an SMS until they text START. You can still
          send an email.
        </div>
      ) : null}
      <div className="composer-top">
        {modeToggle}
        <fieldset className="channel-toggle">
          <legend className="sr-only">Send as</legend>
          <label className={channel === 'sms' ? 'toggle toggle--on' : 'toggle'}>
            <input
              type="radio"
              name={`channel-${id}`}
              value="sms"
              checked={channel === 'sms'}
              disabled={smsBlocked}
              onChange={() => updateDraft(id, { channel: 'sms' })}
            />
            SMS
          </label>
          <label className={channel === 'email' ? 'toggle toggle--on' : 'toggle'}>
            <input type="radio" name={`channel-${id}`} value="email" checked={channel === 'email'} onChange={() => updateDraft(id, { channel: 'email' })} />
            Email
          </label>
        </fieldset>
        <button
          type="button"
          className="button button--small"
          disabled={assistantDraft?.busy ?? false}
          title="Draft a reply from Knowledge and this conversation"
          onClick={() => {
            void requestDraft(id);
            textRef.current?.focus();
          }}
        >
          {assistantDraft?.busy ? 'Drafting…' : 'Draft reply'}
        </button>
        {items.length > 0 ? (
          <div className="suggestions" role="group" aria-label="Suggested replies">
            {items.map((s) => (
              <button
                key={s.id}
                type="button"
                className="suggestion"
                title={s.text}
                onClick={() => {
                  updateDraft(id, { body: s.text, suggestionId: s.id });
                  textRef.current?.focus();
                }}
              >
                {s.text}
              </button>
            ))}
          </div>
        ) : null}
        {items.length > 0 ? (
          <SuggestionPicker
            items={items}
            onPick={(s) => {
              updateDraft(id, { body: s.text, suggestionId: s.id });
              textRef.current?.focus();
            }}
          />
        ) : null}
      </div>
      {channel === 'email' ? (
        <>
          <label className="sr-only" htmlFor={`subject-${id}`}>
            Subject
          </label>
          <input
            id={`subject-${id}`}
            className="input composer-subject"
            type="text"
            placeholder="Subject (optional)"
            maxLength={200}
            value={draft.subject}
            onChange={(event) => updateDraft(id, { subject: event.target.value })}
          />
        </>
      ) : null}
      <label className="sr-only" htmlFor={`reply-${id}`}>
        {channel === 'sms' ? 'Text message' : 'Email message'}
      </label>
      <textarea
        ref={textRef}
        id={`reply-${id}`}
        className="composer-text"
        rows={3}
        placeholder={channel === 'sms' ? `Text ${firstName}…` : `Email ${firstName}…`}
        value={body}
        aria-invalid={tooLong}
        aria-describedby={`reply-help-${id}`}
        onChange={(event) => {
          const text = event.target.value;
          setTypedAt(text.trim() === '' ? null : now());
          updateDraft(id, text.trim() === '' ? { body: text, suggestionId: null, draftId: null } : { body: text });
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            send();
          }
        }}
      />
      <div className="composer-bottom">
        <span id={`reply-help-${id}`} className="composer-help">
          {channel === 'sms' ? <SmsCounter body={body} /> : <span className="muted">Email</span>}
          {tooLong ? <span className="error-text"> · {body.length - MAX_REPLY_LENGTH} characters over the limit</span> : null}
        </span>
        <button type="submit" className="button button--primary" disabled={!canSend}>
          {sending ? 'Sending…' : channel === 'sms' ? 'Send text' : 'Send email'}
        </button>
      </div>
      {assistantDraft && !assistantDraft.busy && (assistantDraft.notes.length > 0 || assistantDraft.error || assistantDraft.source) ? (
        <div className="draft-notes" role="status">
          {assistantDraft.source ? <p className="muted">{assistantDraft.source === 'model' ? 'Drafted by the model; check it before sending.' : 'Drafted from Knowledge.'}</p> : null}
          {assistantDraft.notes.map((n) => (
            <p key={n} className="warn-text">
              {n}
            </p>
          ))}
          {assistantDraft.error ? <p className="error-text">No draft: {assistantDraft.error.message}</p> : null}
        </div>
      ) : null}
      <ErrorLine message={sendError?.message} prefix="Not sent: " />
    </form>
  );
}
