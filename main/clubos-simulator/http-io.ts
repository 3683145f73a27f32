// The small HTTP vocabulary the handlers speak: a response value, cookies, forms.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface SimResponse {
  status: number;
  body: string;
  contentType?: string;
  location?: string;
  /** Name/value pairs sent as `Set-Cookie: name=value; Path=/; HttpOnly`. */
  cookies?: ReadonlyArray<readonly [string, string]>;
}

const HTML = 'text/html;charset=UTF-8';

export function htmlResponse(body: string, status = 200): SimResponse {
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

export function writeResponse(res: ServerResponse, r: SimResponse): void {
  if (res.destroyed || res.writableEnded) return;
  const headers: Record<string, string | string[]> = {
    'Cache-Control': 'no-store',
    'Content-Length': String(Buffer.byteLength(r.body)),
  };
  if (r.contentType) headers['Content-Type'] = r.contentType;
  if (r.location) headers.Location = r.location;
  if (r.cookies && r.cookies.length > 0) headers['Set-Cookie'] = r.cookies.map(([n, v]) => `${n}=${v}; Path=/; HttpOnly`);
  res.writeHead(r.status, headers);
  res.end(r.body);
}
