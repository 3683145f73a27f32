// The OpenAI-compatible client against a local chat-completions server on 127.0.0.1: streamed and
// plain answers, error bodies, slow and cut streams, malformed answers; and the composer's draft
// falling back to the rule-based one, with a visible note, whenever the model fails or its answer
// fails a guard.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { completionsUrl, ProviderError, streamChat, type ProviderConfig } from '../../main/services/assistant/provider';
import { buildPrompt } from '../../main/services/assistant/prompt';
import { startChatServer, type ChatServer } from './chat-completions-server';
import { SAMPLE_KNOWLEDGE } from './sample-knowledge';

let server: ChatServer;
beforeAll(async () => {
  server = await startChatServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.requests.length = 0;
});

const config = (change: Partial<ProviderConfig> = {}): ProviderConfig => ({ baseUrl: server.baseUrl, model: 'llama3.2', apiKey: 'sk-test-123', timeoutMs: 2_000, ...change });
const messages = [{ role: 'user' as const, content: 'When are you staffed tomorrow?' }];

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('expected a ProviderError');
}

describe('streamChat', () => {
  it('streams an answer piece by piece and sends the key as a bearer token', async () => {
    server.script({ kind: 'answer', text: 'Tomorrow the desk is staffed 9 AM–7 PM.', chunks: 5 });
    const seen: string[] = [];
    const text = await streamChat(config(), messages, (soFar) => seen.push(soFar));
    expect(text).toBe('Tomorrow the desk is staffed 9 AM–7 PM.');
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(seen.at(-1)).toBe(text);
    expect(seen.every((s, i) => i === 0 || s.startsWith(seen[i - 1]!))).toBe(true);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-test-123');
    expect(server.requests[0]!.body).toMatchObject({ model: 'llama3.2', stream: true, messages });
  });

  it('accepts a plain JSON answer from a server that ignores stream', async () => {
    server.script({ kind: 'json-only', text: 'Hello!' });
    expect(await streamChat(config({ apiKey: null }), messages)).toBe('Hello!');
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  it.each([
    [{ kind: 'error', status: 429, message: 'Rate limit reached for requests', type: 'rate_limit_exceeded' }, 'rate_limited', /429: Rate limit reached/],
    [{ kind: 'error', status: 503, message: 'The server is overloaded' }, 'server', /503/],
    [{ kind: 'error', status: 401, message: 'Incorrect API key provided', type: 'invalid_request_error' }, 'http', /401: Incorrect API key/],
    [{ kind: 'garbage', body: '<html>Bad gateway</html>', contentType: 'text/html' }, 'malformed', /not JSON/],
    [{ kind: 'garbage', body: '{"choices":[]}', contentType: 'application/json' }, 'malformed', /unexpected shape/],
    [{ kind: 'garbage', body: 'data: {"nonsense":true}\n\ndata: [DONE]\n\n', contentType: 'text/event-stream' }, 'malformed', /unexpected shape/],
    [{ kind: 'cut', text: 'Tomorrow the de' }, 'cut', /ended before|broke mid-answer/],
    [{ kind: 'length', text: 'Tomorrow the desk is' }, 'cut', /length limit/],
  ] as const)('turns %j into a %s error', async (behaviour, kind, message) => {
    server.script(behaviour);
    const error = await failure(streamChat(config(), messages));
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('sk-test-123');
  });

  it('gives up on a stream that goes quiet', async () => {
    server.script({ kind: 'slow', text: 'Tomorrow the desk is staffed.', delayMs: 1_000 });
    const error = await failure(streamChat(config({ timeoutMs: 5_000, idleTimeoutMs: 200 }), messages));
    expect(error.kind).toBe('timeout');
  });

  it('gives up when the whole answer takes too long', async () => {
    server.script({ kind: 'slow', text: 'Tomorrow the desk is staffed.', delayMs: 150 });
    const error = await failure(streamChat(config({ timeoutMs: 300, idleTimeoutMs: 1_000 }), messages));
    expect(error.kind).toBe('timeout');
  });

  it('reports a server that is not there', async () => {
    const error = await failure(streamChat(config({ baseUrl: 'http://127.0.0.1:9/v1' }), messages));
    expect(error.kind).toBe('network');
  });

  it('refuses plain http to another machine and credentials in the address', () => {
    expect(() => completionsUrl('http://example.com/v1')).toThrow(/https/);
    expect(() => completionsUrl('https://user:pw@example.com/v1')).toThrow(/API key/);
    expect(completionsUrl('http://localhost:11434/v1/').href).toBe('http://localhost:11434/v1/chat/completions');
    expect(completionsUrl('https://api.example.com/v1/chat/completions').href).toBe('https://api.example.com/v1/chat/completions');
  });
});

describe('the prompt', () => {
  it('holds the knowledge and the thread, nothing else', () => {
    const prompt = buildPrompt(SAMPLE_KNOWLEDGE, [
      { direction: 'system', body: 'CONFIRM - Personal Training at 6:15 PM on Dec 9, 2026 has been confirmed.', sentAt: '2026-12-05T10:00:00.000Z' },
      { direction: 'outbound', body: 'Hi Jane, see you Wednesday!', sentAt: '2026-12-05T10:01:00.000Z' },
      { direction: 'inbound', body: 'What is the wifi password?', sentAt: '2026-12-07T16:00:00.000Z' },
    ]);
    expect(prompt[0]!.role).toBe('system');
    expect(prompt[0]!.content).toContain('$39.99 a month');
    expect(prompt[0]!.content).toContain('AF-Members');
    expect(prompt.slice(1)).toEqual([
      { role: 'assistant', content: 'Hi Jane, see you Wednesday!' },
      { role: 'user', content: 'What is the wifi password?' },
    ]);
  });
});
