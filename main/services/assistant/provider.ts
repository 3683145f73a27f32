// A client for any OpenAI-compatible chat-completions endpoint (Ollama, llama.cpp's server, hosted
// services). It streams (SSE) and also accepts a plain JSON answer from servers that ignore
// `stream`. Every byte from the server is parsed with zod; anything unexpected is a typed
// `ProviderError`, and the caller falls back to the rule-based draft.
import { z } from 'zod';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ProviderConfig {
  baseUrl: string;
  model: string;
  apiKey: string | null;
  /** The whole request, first byte to last. */
  timeoutMs: number;
  /** Longest silence inside a stream before it counts as cut. */
  idleTimeoutMs?: number;
  maxTokens?: number;
}

export type ProviderErrorKind = 'config' | 'network' | 'timeout' | 'rate_limited' | 'server' | 'http' | 'malformed' | 'cut';

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

const MAX_ANSWER_CHARS = 4000;
const MAX_ERROR_BODY = 4000;

const errorBodySchema = z.object({ error: z.union([z.string(), z.object({ message: z.string() }).loose()]) }).loose();
const completionSchema = z
  .object({
    choices: z
      .array(z.object({ message: z.object({ content: z.string().nullable() }).loose(), finish_reason: z.string().nullable().optional() }).loose())
      .min(1),
  })
  .loose();
const chunkSchema = z
  .object({
    choices: z.array(
      z
        .object({
          delta: z.object({ content: z.string().nullable().optional() }).loose().optional(),
          finish_reason: z.string().nullable().optional(),
        })
        .loose(),
    ),
  })
  .loose();

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The chat-completions URL; plain http only to this machine, so an API key never crosses a network in clear. */
export function completionsUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new ProviderError('config', 'The model address is not a URL.');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new ProviderError('config', 'The model address must use https (plain http is allowed only for this computer).');
  }
  if (url.username || url.password) throw new ProviderError('config', 'Put the API key in its own field, not in the address.');
  const path = url.pathname.replace(/\/+$/u, '');
  url.pathname = path.endsWith('/chat/completions') ? path : `${path}/chat/completions`;
  url.search = '';
  url.hash = '';
  return url;
}

function errorMessage(status: number, body: string): string {
  let detail = '';
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(body));
    if (parsed.success) detail = typeof parsed.data.error === 'string' ? parsed.data.error : parsed.data.error.message;
  } catch {
    // Not JSON: a proxy's HTML page, say. The status says enough.
  }
  // Control characters from a hostile server never reach the window or the log.
  const clean = [...detail].map((c) => (c.charCodeAt(0) < 0x20 ? ' ' : c)).join('').slice(0, 200);
  return `The model server answered ${status}${clean ? `: ${clean}` : ''}.`;
}

function classifyStatus(status: number, body: string): ProviderError {
  const message = errorMessage(status, body);
  if (status === 429) return new ProviderError('rate_limited', message, status);
  if (status >= 500) return new ProviderError('server', message, status);
  return new ProviderError('http', message, status);
}

/**
 * Sends the chat and resolves with the whole answer. `onText` gets the answer so far as it
 * streams. Rejects with a `ProviderError`; `signal` aborts (reported as a timeout).
 */
export async function streamChat(
  config: ProviderConfig,
  messages: readonly ChatMessage[],
  onText: (soFar: string) => void = () => undefined,
  signal?: AbortSignal,
): Promise<string> {
  const url = completionsUrl(config.baseUrl);
  if (config.model.trim() === '') throw new ProviderError('config', 'No model name is set.');
  const controller = new AbortController();
  let timedOut = false;
  const abort = (): void => {
    timedOut = true;
    controller.abort();
  };
  const total = setTimeout(abort, config.timeoutMs);
  const idleMs = config.idleTimeoutMs ?? Math.min(config.timeoutMs, 15_000);
  let idle: ReturnType<typeof setTimeout> | null = null;
  const touch = (): void => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(abort, idleMs);
  };
  const onOuterAbort = (): void => abort();
  signal?.addEventListener('abort', onOuterAbort, { once: true });
  let answering = false;
  try {
    touch();
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        redirect: 'error',
        signal: controller.signal,
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream, application/json',
          ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
        },
        body: JSON.stringify({ model: config.model, messages, stream: true, temperature: 0.2, max_tokens: config.maxTokens ?? 300 }),
      });
    } catch (error) {
      if (timedOut) throw new ProviderError('timeout', 'The model server did not answer in time.');
      throw new ProviderError('network', `The model server could not be reached (${error instanceof Error ? error.message : 'network error'}).`);
    }
    if (!response.ok) {
      const body = await readCapped(response, MAX_ERROR_BODY, touch).catch(() => '');
      throw classifyStatus(response.status, body);
    }
    answering = true;
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('text/event-stream')) return await readStream(response, onText, touch);
    const body = await readCapped(response, 200_000, touch);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new ProviderError('malformed', 'The model server sent something that is not JSON.');
    }
    const parsed = completionSchema.safeParse(json);
    if (!parsed.success) throw new ProviderError('malformed', 'The model server sent an answer in an unexpected shape.');
    const choice = parsed.data.choices[0]!;
    if (choice.finish_reason === 'length') throw new ProviderError('cut', 'The model stopped mid-answer (length limit).');
    const text = (choice.message.content ?? '').slice(0, MAX_ANSWER_CHARS);
    onText(text);
    return text;
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    if (timedOut) throw new ProviderError('timeout', 'The model server did not answer in time.');
    if (answering) throw new ProviderError('cut', 'The connection to the model server broke mid-answer.');
    throw new ProviderError('network', 'The connection to the model server broke.');
  } finally {
    clearTimeout(total);
    if (idle) clearTimeout(idle);
    signal?.removeEventListener('abort', onOuterAbort);
  }
}

async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stops the download when the answer is refused early (too long, malformed).
    void reader.cancel().catch(() => undefined);
  }
}

async function readCapped(response: Response, max: number, touch: () => void): Promise<string> {
  if (!response.body) return '';
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of chunksOf(response.body)) {
    touch();
    text += decoder.decode(chunk, { stream: true });
    if (text.length > max) throw new ProviderError('malformed', 'The model server sent far more than an answer.');
  }
  return text + decoder.decode();
}

async function readStream(response: Response, onText: (soFar: string) => void, touch: () => void): Promise<string> {
  if (!response.body) throw new ProviderError('malformed', 'The model server sent an empty stream.');
  const decoder = new TextDecoder();
  let buffer = '';
  let text = '';
  let finished = false;
  const handleEvent = (data: string): void => {
    if (data === '[DONE]') {
      finished = true;
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      throw new ProviderError('malformed', 'The model server sent a stream event that is not JSON.');
    }
    const error = errorBodySchema.safeParse(json);
    if (error.success) throw new ProviderError('server', errorMessage(200, data));
    const parsed = chunkSchema.safeParse(json);
    if (!parsed.success) throw new ProviderError('malformed', 'The model server sent a stream event in an unexpected shape.');
    for (const choice of parsed.data.choices) {
      const piece = choice.delta?.content ?? '';
      if (piece) {
        text += piece;
        if (text.length > MAX_ANSWER_CHARS) throw new ProviderError('malformed', 'The model answer is far too long.');
        onText(text);
      }
      if (choice.finish_reason === 'length') throw new ProviderError('cut', 'The model stopped mid-answer (length limit).');
      if (choice.finish_reason) finished = true;
    }
  };
  for await (const chunk of chunksOf(response.body)) {
    touch();
    buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n?/gu, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /u, ''))
        .join('\n');
      if (data !== '') handleEvent(data);
      if (finished && data === '[DONE]') return text;
    }
  }
  if (buffer.trim().startsWith('data:')) handleEvent(buffer.trim().slice(5).trim());
  if (!finished) throw new ProviderError('cut', 'The model stream ended before the answer was complete.');
  return text;
}
