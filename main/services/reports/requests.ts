// From a conversation's timeline to requests and resolutions (README, "Reports").
//
// A request begins at a member's text that asks for an answer while none is open (the first
// unanswered text after the last staff reply, as "Needs reply" counts). It ends at the next staff
// reply (answered: its first response time is reply − first text), or without a reply when staff
// mark it handled or resolve it. A resolution begins at the first asking text after the previous
// recorded resolve (or after resolves began to be recorded) and ends at the next recorded resolve.
// Both are reported under the club-local day and hour of their first text.
import type { Intent } from '../../../common/intent-catalog';
import type { ReportConversationRecord } from './report-source';

export type RequestOutcome = 'answered' | 'closed_without_reply' | 'waiting';

export interface RequestRecord {
  conversationId: number;
  memberName: string;
  intent: Intent | null;
  startedAt: string;
  outcome: RequestOutcome;
  endedAt: string | null;
  /** Who replied ("Alex M."), for an answered request. */
  responder: string | null;
  /** Reply − first text; null when unanswered or when either side has no minute. */
  firstResponseMs: number | null;
}

export interface ResolutionRecord {
  conversationId: number;
  memberName: string;
  intent: Intent | null;
  startedAt: string;
  resolvedAt: string;
  resolver: string | null;
  /** Resolve − first text; null when the first text has no minute. */
  resolutionMs: number | null;
}

type Event =
  | { at: string; order: 0; kind: 'message'; message: ReportConversationRecord['messages'][number] }
  | { at: string; order: 1; kind: 'handled' }
  | { at: string; order: 2; kind: 'resolve'; actor: string | null };

interface Open {
  startedAt: string;
  timed: boolean;
  intent: Intent | null;
}

const ms = (iso: string): number => Date.parse(iso);

/** Requests and resolutions of one conversation whose first text is in [from, to). */
export function requestsOf(
  c: ReportConversationRecord,
  range: { from: string; to: string },
): { requests: RequestRecord[]; resolutions: ResolutionRecord[] } {
  const requests: RequestRecord[] = [];
  const resolutions: ResolutionRecord[] = [];
  const inRange = (at: string): boolean => ms(at) >= ms(range.from) && ms(at) < ms(range.to);
  const base = { conversationId: c.conversationId, memberName: c.memberName };

  // Open at the period's start: what happens to them is not reported (they began before it), but
  // they keep the period's texts from starting new ones.
  let request: Open | null = c.openRequestSince === null ? null : { startedAt: c.openRequestSince, timed: true, intent: null };
  let resolution: Open | null = c.openResolutionSince === null ? null : { startedAt: c.openResolutionSince, timed: true, intent: null };

  const events: Event[] = [
    ...c.messages.map((message) => ({ at: message.sentAt, order: 0 as const, kind: 'message' as const, message })),
    ...c.resolves.map((r) => ({ at: r.at, order: 2 as const, kind: 'resolve' as const, actor: r.actor })),
  ];
  if (c.handledAt !== null) events.push({ at: c.handledAt, order: 1, kind: 'handled' });
  events.sort((a, b) => ms(a.at) - ms(b.at) || a.order - b.order);

  const closeRequest = (outcome: RequestOutcome, at: string | null, responder: string | null, timed: boolean): void => {
    if (request === null) return;
    if (inRange(request.startedAt)) {
      requests.push({
        ...base,
        intent: request.intent,
        startedAt: request.startedAt,
        outcome,
        endedAt: at,
        responder,
        firstResponseMs: outcome === 'answered' && at !== null && timed && request.timed ? Math.max(0, ms(at) - ms(request.startedAt)) : null,
      });
    }
    request = null;
  };

  for (const e of events) {
    if (e.kind === 'message') {
      const m = e.message;
      if (m.direction === 'inbound') {
        if (!m.asksForReply) continue;
        const open: Open = { startedAt: m.sentAt, timed: m.timed, intent: m.intent };
        request ??= open;
        resolution ??= open;
      } else {
        closeRequest('answered', m.sentAt, m.senderName, m.timed);
      }
    } else if (e.kind === 'handled') {
      // The mark covers the texts before it (only the latest mark is kept, so earlier ones are unknown).
      closeRequest('closed_without_reply', e.at, null, false);
    } else {
      closeRequest('closed_without_reply', e.at, null, false);
      if (resolution !== null && inRange(resolution.startedAt)) {
        resolutions.push({
          ...base,
          intent: resolution.intent,
          startedAt: resolution.startedAt,
          resolvedAt: e.at,
          resolver: e.actor,
          resolutionMs: resolution.timed ? Math.max(0, ms(e.at) - ms(resolution.startedAt)) : null,
        });
      }
      resolution = null;
    }
  }
  closeRequest('waiting', null, null, false);
  return { requests, resolutions };
}
