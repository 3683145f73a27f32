// A local OpenAI-compatible chat-completions server on 127.0.0.1 for the provider tests. It speaks
// the protocol as hosted services and Ollama/llama.cpp do: POST /v1/chat/completions with a JSON
// body, `stream: true` answered as Server-Sent Events (`chat.completion.chunk` objects, then
// `data: [DONE]`), `stream: false` as one `chat.completion` object, errors as `{ error: { message,
// type, code } }` with their status. Scripted behaviours make it slow, cut a stream, or misbehave.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Behaviour =
  | { kind: 'answer'; text: string; chunks?: number }
  | { kind: 'json-only'; text: string }
  | { kind: 'error'; status: number; message: string; type?: string }
  | { kind: 'slow'; text: string; delayMs: number }
  | { kind: 'cut'; text: string }
  | { kind: 'garbage'; body: string; contentType: string }
  | { kind: 'length'; text: string };

export interface RecordedRequest {
  headers: IncomingMessage['headers'];
  body: { model?: unknown; messages?: unknown; stream?: unknown };
}

export interface ChatServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Behaviours for the next requests, in order; afterwards `answer` with "OK". */
  script(...behaviours: Behaviour[]): void;
  close(): Promise<void>;
}

const errorBody = (message: string, type: string, code: string | null = null): string => JSON.stringify({ error: { message, type, param: null, code } });

export async function startChatServer(): Promise<ChatServer> {
  const queue: Behaviour[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let seq = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(errorBody(`Unknown request URL: ${req.method ?? ''} ${req.url ?? ''}`, 'invalid_request_error', 'unknown_url'));
      return;
    }
    let body: RecordedRequest['body'];
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest['body'];
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end(errorBody('We could not parse the JSON body of your request.', 'invalid_request_error'));
      return;
    }
    requests.push({ headers: req.headers, body });
    const validMessages =
      Array.isArray(body.messages) &&
      body.messages.length > 0 &&
      body.messages.every((m: unknown) => typeof m === 'object' && m !== null && ['system', 'user', 'assistant'].includes((m as { role?: string }).role ?? '') && typeof (m as { content?: unknown }).content === 'string');
    if (typeof body.model !== 'string' || !validMessages) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(errorBody("'model' and 'messages' are required", 'invalid_request_error'));
      return;
    }
    const behaviour = queue.shift() ?? { kind: 'answer', text: 'OK' };
    const id = `chatcmpl-${++seq}`;
    const created = 1_700_000_000 + seq;
    const chunk = (delta: Record<string, string>, finish: string | null): string =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    const completion = (text: string, finish = 'stop'): string =>
      JSON.stringify({
        id,
        object: 'chat.completion',
        created,
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: finish }],
        usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
      });
    const pieces = (text: string, n: number): string[] => {
      const size = Math.max(1, Math.ceil(text.length / n));
      const out: string[] = [];
      for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
      return out;
    };
    const sse = (): void => {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    };

    switch (behaviour.kind) {
      case 'error':
        res.writeHead(behaviour.status, { 'content-type': 'application/json' }).end(errorBody(behaviour.message, behaviour.type ?? 'server_error'));
        return;
      case 'garbage':
        res.writeHead(200, { 'content-type': behaviour.contentType }).end(behaviour.body);
        return;
      case 'json-only':
        res.writeHead(200, { 'content-type': 'application/json' }).end(completion(behaviour.text));
        return;
      case 'length':
        if (body.stream !== true) {
          res.writeHead(200, { 'content-type': 'application/json' }).end(completion(behaviour.text, 'length'));
          return;
        }
        sse();
        res.write(chunk({ role: 'assistant', content: '' }, null));
        res.write(chunk({ content: behaviour.text }, null));
        res.write(chunk({}, 'length'));
        res.end('data: [DONE]\n\n');
        return;
      case 'answer': {
        if (body.stream !== true) {
          res.writeHead(200, { 'content-type': 'application/json' }).end(completion(behaviour.text));
          return;
        }
        sse();
        res.write(chunk({ role: 'assistant', content: '' }, null));
        for (const piece of pieces(behaviour.text, behaviour.chunks ?? 4)) res.write(chunk({ content: piece }, null));
        res.write(chunk({}, 'stop'));
        res.end('data: [DONE]\n\n');
        return;
      }
      case 'slow': {
        sse();
        res.write(chunk({ role: 'assistant', content: '' }, null));
        const parts = pieces(behaviour.text, 3);
        for (const piece of parts) {
          await new Promise<void>((resolve) => {
            const t = setTimeout(() => {
              timers.delete(t);
              resolve();
            }, behaviour.delayMs);
            timers.add(t);
          });
          if (res.destroyed) return;
          res.write(chunk({ content: piece }, null));
        }
        res.write(chunk({}, 'stop'));
        res.end('data: [DONE]\n\n');
        return;
      }
      case 'cut': {
        sse();
        res.write(chunk({ role: 'assistant', content: '' }, null));
        res.write(chunk({ content: behaviour.text }, null));
        // The connection drops mid-answer: no finish_reason, no [DONE].
        setImmediate(() => res.socket?.destroy());
        return;
      }
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...behaviours) => queue.push(...behaviours),
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
