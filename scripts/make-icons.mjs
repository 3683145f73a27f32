// Draws the app icon (build/icon.png, 512×512) without any image tooling: a teal rounded
// square holding a white speech bubble. Run once; the PNG is committed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
export function encodePng(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const clamp = (v) => Math.max(0, Math.min(1, v));
function roundedBox(x, y, cx, cy, hw, hh, r) {
  const dx = Math.max(Math.abs(x - cx) - hw + r, 0);
  const dy = Math.max(Math.abs(y - cy) - hh + r, 0);
  return Math.hypot(dx, dy) - r + Math.min(Math.max(Math.abs(x - cx) - hw + r, Math.abs(y - cy) - hh + r), 0);
}
function icon(size) {
  const s = size / 512;
  return encodePng(size, (x, y) => {
    const bg = clamp(0.5 - roundedBox(x, y, 256 * s, 256 * s, 240 * s, 240 * s, 96 * s));
    let bubble = clamp(0.5 - roundedBox(x, y, 256 * s, 230 * s, 150 * s, 110 * s, 60 * s));
    // The bubble's tail: a triangle under its lower left.
    const tx = x / s, ty = y / s;
    if (ty > 300 && ty < 400 && tx > 170 && tx < 260 && tx - 170 < (400 - ty) * 0.9) bubble = 1;
    const dots = [196, 256, 316].some((cx) => Math.hypot(tx - cx, ty - 230) < 22) ? 1 : 0;
    const white = bubble * (1 - dots);
    const r = Math.round(13 + (255 - 13) * white), g = Math.round(148 + (255 - 148) * white), b = Math.round(136 + (255 - 136) * white);
    return [r, g, b, Math.round(255 * bg)];
  });
}
mkdirSync('build', { recursive: true });
writeFileSync('build/icon.png', icon(512));
