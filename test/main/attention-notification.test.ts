import { describe, expect, it } from 'vitest';
import { composeAttentionNotification } from '../../main/notifications/attention-notification';

const event = { type: 'attentionRaised' as const, seq: 1, conversationId: 4, reason: 'waiting' as const, detail: 'Jane Doe has waited 130 business minutes for an answer' };

describe('attention notifications', () => {
  it('say as much as the privacy setting allows', () => {
    expect(composeAttentionNotification(event, 'Jane Doe', 'name_and_text')).toEqual({ title: 'Waiting too long', body: event.detail });
    expect(composeAttentionNotification(event, 'Jane Doe', 'name_only')).toEqual({ title: 'Waiting too long', body: 'Jane Doe' });
    expect(composeAttentionNotification(event, 'Jane Doe', 'count_only')).toEqual({ title: 'Waiting too long', body: 'A conversation needs your attention.' });
    expect(composeAttentionNotification({ ...event, reason: 'no_reply' }, null, 'name_and_text')).toEqual({ title: 'No reply yet', body: 'A conversation needs your attention.' });
    expect(composeAttentionNotification(event, 'Jane Doe', 'off')).toBeNull();
  });
});
