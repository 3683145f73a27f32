// The small HTTP vocabulary the handlers speak: a response value, cookies, forms.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface SimResponse {
  status: number;
  /** The whole body, or a long one's pieces, each rendered as it is sent (see writeResponse). */
  body: string | StreamedBody;
  contentType?: string;
  location?: string;
  /** Name/value pairs sent as `Set-Cookie: name=value; Path=/; HttpOnly`. */
  cookies?: ReadonlyArray<readonly [string, string]>;
}

const HTML = 'text/html;charset=UTF-8';

/** A body sent in chunks (no Content-Length) as its pieces are produced. */
export interface StreamedBody {
  readonly pieces: Iterable<string>;
}

export function htmlResponse(body: string | StreamedBody, status = 200): SimResponse {
  return { status, body, contentType: HTML };
}

export function redirectResponse(location: string, cookies?: ReadonlyArray<readonly [string, string]>): SimResponse {
  return cookies ? { status: 302, body: '', location, cookies } : { status: 302, body: '', location };
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > limitBytes) throw new BodyTooLargeError(`request body over ${limitBytes} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** An urlencoded form as a plain record; the first of repeated fields wins. */
export function parseForm(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(body)) if (!(k in out)) out[k] = v;
  return out;
}

/**
 * Sends `r`. A streamed body goes a piece at a time, waiting for the next turn of the event loop
 * between pieces (Node corks a chunked response until then) and for `drain` when the client is
 * behind, so the first bytes leave while the rest is still being rendered. The promise settles
 * once the last piece is handed over, or when the client goes away.
 */
export async function writeResponse(res: ServerResponse, r: SimResponse): Promise<void> {
  if (res.destroyed || res.writableEnded) return;
  // A streamed body failed after its head was sent: the client sees the answer cut short.
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const headers: Record<string, string | string[]> = { 'Cache-Control': 'no-store' };
  if (typeof r.body === 'string') headers['Content-Length'] = String(Buffer.byteLength(r.body));
  if (r.contentType) headers['Content-Type'] = r.contentType;
  if (r.location) headers.Location = r.location;
  if (r.cookies && r.cookies.length > 0) headers['Set-Cookie'] = r.cookies.map(([n, v]) => `${n}=${v}; Path=/; HttpOnly`);
  res.writeHead(r.status, headers);
  if (typeof r.body === 'string') {
    res.end(r.body);
    return;
  }
  for (const piece of r.body.pieces) {
    if (res.destroyed) return;
    if (!res.write(piece)) await drained(res);
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (!res.destroyed) res.end();
}

/** Resolves on `drain`, or when the response is closed before it drains. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
