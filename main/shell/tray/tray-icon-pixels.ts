// Draws the tray icon with its unread badge as raw pixels, so the shell can hand them to
// `nativeImage.createFromBitmap` and nothing has to be packaged beside the bundle. Shapes are
// laid out on a 16-unit grid and supersampled, so 16 px and 32 px (HiDPI) come out crisp.
import type { TrayBadge } from './tray-model';

type Rgba = readonly [number, number, number, number];

const TEAL: Rgba = [13, 148, 136, 1];
const WHITE: Rgba = [255, 255, 255, 1];
const RED: Rgba = [220, 38, 38, 1];
const SAMPLES = 4;

/** 3×5 glyphs, one string per row, `#` lit. */
const GLYPHS: Record<string, readonly string[]> = {
  '1': ['.#.', '##.', '.#.', '.#.', '###'],
  '2': ['###', '..#', '###', '#..', '###'],
  '3': ['###', '..#', '###', '..#', '###'],
  '4': ['#.#', '#.#', '###', '..#', '..#'],
  '5': ['###', '#..', '###', '..#', '###'],
  '6': ['###', '#..', '###', '#.#', '###'],
  '7': ['###', '..#', '.#.', '.#.', '.#.'],
  '8': ['###', '#.#', '###', '#.#', '###'],
  '9': ['###', '#.#', '###', '..#', '###'],
  '+': ['...', '.#.', '###', '.#.', '...'],
};

/** Inside a rounded box centred on (cx, cy) with half sizes hw, hh and corner radius r. */
function inRoundedBox(x: number, y: number, cx: number, cy: number, hw: number, hh: number, r: number): boolean {
  const dx = Math.max(Math.abs(x - cx) - (hw - r), 0);
  const dy = Math.max(Math.abs(y - cy) - (hh - r), 0);
  return Math.abs(x - cx) <= hw && Math.abs(y - cy) <= hh && dx * dx + dy * dy <= r * r;
}

/** The speech bubble's tail: a right triangle under the bubble's lower left. */
const inTail = (x: number, y: number): boolean => x >= 4.5 && y >= 10 && y <= 13 && x - 4.5 <= (13 - y) * 0.9;

interface BadgeShape {
  inside(x: number, y: number): boolean;
  text: string;
  /** Left edge of the text, in grid units. */
  textLeft: number;
}

function badgeShape(badge: TrayBadge): BadgeShape | null {
  if (badge === 'none') return null;
  if (badge === '9+') return { inside: (x, y) => inRoundedBox(x, y, 10.5, 4.5, 5.5, 4.5, 4.5), text: '9+', textLeft: 7 };
  return { inside: (x, y) => (x - 11.5) ** 2 + (y - 4.5) ** 2 <= 4.5 ** 2, text: badge, textLeft: 10 };
}

function inText(x: number, y: number, text: string, left: number): boolean {
  const row = Math.floor(y) - 2;
  if (row < 0 || row > 4) return false;
  for (let i = 0; i < text.length; i++) {
    const col = Math.floor(x) - (left + i * 4);
    if (col >= 0 && col < 3 && GLYPHS[text[i] ?? '']?.[row]?.[col] === '#') return true;
  }
  return false;
}

/** Colour of one point on the 16-unit grid, painted back to front; null is transparent. */
function colourAt(x: number, y: number, badge: BadgeShape | null): Rgba | null {
  if (badge?.inside(x, y)) return inText(x, y, badge.text, badge.textLeft) ? WHITE : RED;
  if (!inRoundedBox(x, y, 8, 8, 7.5, 7.5, 3)) return null;
  if (inRoundedBox(x, y, 8, 7, 5, 3.5, 2) || inTail(x, y)) return WHITE;
  return TEAL;
}

/**
 * A `size`×`size` icon (16 or 32 are what trays use) as premultiplied BGRA bytes, the layout
 * `nativeImage.createFromBitmap` expects.
 */
export function drawTrayIcon(badge: TrayBadge, size: number): Buffer {
  const shape = badgeShape(badge);
  const scale = size / 16;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt((px + (sx + 0.5) / SAMPLES) / scale, (py + (sy + 0.5) / SAMPLES) / scale, shape);
          if (c === null) continue;
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const n = SAMPLES * SAMPLES;
      const at = (py * size + px) * 4;
      out[at] = Math.round(b / n);
      out[at + 1] = Math.round(g / n);
      out[at + 2] = Math.round(r / n);
      out[at + 3] = Math.round((a / n) * 255);
    }
  }
  return out;
}
