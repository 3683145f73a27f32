import { describe, expect, it } from 'vitest';
import { drawTrayIcon } from '../../../main/shell/tray/tray-icon-pixels';
import type { TrayBadge } from '../../../main/shell/tray/tray-model';

const BADGES: TrayBadge[] = ['none', '1', '2', '3', '4', '5', '6', '7', '8', '9', '9+'];

/** [r, g, b, a] of pixel (x, y) from premultiplied BGRA, un-premultiplied. */
function pixel(buf: Buffer, size: number, x: number, y: number): [number, number, number, number] {
  const at = (y * size + x) * 4;
  const a = buf[at + 3]!;
  const un = (v: number) => (a === 0 ? 0 : Math.round((v * 255) / a));
  return [un(buf[at + 2]!), un(buf[at + 1]!), un(buf[at]!), a];
}

describe('drawTrayIcon', () => {
  it('draws BGRA bitmaps of the asked size, transparent in the corners', () => {
    for (const size of [16, 32]) {
      const buf = drawTrayIcon('none', size);
      expect(buf.length).toBe(size * size * 4);
      expect(pixel(buf, size, 0, 0)[3]).toBe(0);
      expect(pixel(buf, size, size - 1, size - 1)[3]).toBe(0);
    }
  });

  it('keeps colour channels premultiplied (never above alpha)', () => {
    const buf = drawTrayIcon('9+', 32);
    for (let i = 0; i < buf.length; i += 4) {
      expect(Math.max(buf[i]!, buf[i + 1]!, buf[i + 2]!)).toBeLessThanOrEqual(buf[i + 3]!);
    }
  });

  it('draws a teal icon without a badge and a red badge with unread messages', () => {
    const [r, g, b, a] = pixel(drawTrayIcon('none', 32), 32, 28, 20);
    expect(a).toBe(255);
    expect(g).toBeGreaterThan(r);
    expect(b).toBeGreaterThan(r);
    // Inside the badge circle but off the digit's strokes.
    const badge = pixel(drawTrayIcon('1', 32), 32, 28, 12);
    expect(badge[0]).toBeGreaterThan(200);
    expect(badge[1]).toBeLessThan(80);
  });

  it('gives every count its own image at both sizes', () => {
    for (const size of [16, 32]) {
      const images = new Set(BADGES.map((badge) => drawTrayIcon(badge, size).toString('base64')));
      expect(images.size).toBe(BADGES.length);
    }
  });

  it('is deterministic', () => {
    expect(drawTrayIcon('7', 16).equals(drawTrayIcon('7', 16))).toBe(true);
  });
});
