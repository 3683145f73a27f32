// What a hostile or broken server answers in ClubOS's place, as stub responders: bodies that never
// end, compression bombs, a drip that never finishes, redirect loops, and answers that are not
// pages. Every responder stops writing as soon as the client hangs up, so the server side stays
// cheap and nothing keeps running after a test.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliCompress, createDeflate, createGzip } from 'node:zlib';
import type { ServerResponse } from 'node:http';
import type { Responder } from './stub-clubos';

const CHUNK = 64 * 1024;
/** Looks like the start of an inbox row, so nothing but the cap can stop a client reading it. */
const GARBAGE = Buffer.from('<li class="message-item"><div class="message"><h3><a class="username-content" href="#">'.repeat(CHUNK / 88 + 1).slice(0, CHUNK));

/** An endless source of `chunk`, as fast as the socket takes it. */
function endless(chunk: Buffer): Readable {
  return new Readable({
    read() {
      this.push(chunk);
    },
  });
}

function stream(res: ServerResponse, source: Readable, ...transforms: NodeJS.ReadWriteStream[]): void {
  res.on('close', () => source.destroy());
  void pipeline([source, ...transforms, res]).catch(() => {});
}

/** 200 text/html, no length, garbage as fast as the client reads. */
export const endlessBody: Responder = (_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html;charset=UTF-8' });
  stream(res, endless(GARBAGE));
};

/** A body of zeros compressed on the fly: about 1 kB on the wire for every MB it inflates to. */
export function compressionBomb(encoding: 'gzip' | 'deflate' | 'br'): Responder {
  return (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html;charset=UTF-8', 'Content-Encoding': encoding });
    const compress = encoding === 'gzip' ? createGzip({ level: 9 }) : encoding === 'deflate' ? createDeflate({ level: 9 }) : createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
    stream(res, endless(Buffer.alloc(1024 * 1024)), compress);
  };
}

/** 200 text/html, then one byte every `everyMs` for as long as the client stays. */
export function slowDrip(everyMs: number): Responder {
  return (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html;charset=UTF-8' });
    res.write('<');
    const timer = setInterval(() => res.write('li '), everyMs);
    res.on('close', () => clearInterval(timer));
  };
}

/** 302 back to the same path, for ever. */
export const redirectToSelf: Responder = (req, res) => {
  res.writeHead(302, { Location: req.path, 'Content-Type': 'text/html;charset=UTF-8' });
  res.end();
};

/** Endless random-looking bytes declared as something that is not a page. */
export function wrongType(contentType: string): Responder {
  return (_req, res) => {
    res.writeHead(200, { 'Content-Type': contentType });
    stream(res, endless(Buffer.alloc(CHUNK, 0xa7)));
  };
}

/** A page-sized JSON answer where HTML is expected (an allowed type, but not a page). */
export const jsonInsteadOfHtml: Responder = (_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ error: 'captive', items: Array.from({ length: 2000 }, (_, i) => ({ i, note: 'not a page' })) }));
};
