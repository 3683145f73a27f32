// The scaling figure as a small chart, plain SVG (no library, no network): idle-poll time against
// inbox rows on log–log axes, with the line a linear cost would follow from the smallest size, so
// a curve bending above it shows cost growing faster than the inbox. Written to bench-results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchReport } from './bench-report';

export const BENCH_RESULTS_DIR = 'bench-results';

const W = 640;
const H = 320;
const PAD = { left: 64, right: 40, top: 48, bottom: 48 };

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function scalingChartSvg(report: BenchReport): string {
  const points = report.figures.scaling.idlePoll.map((p) => ({ rows: p.rows, ms: Math.max(p.p50Ms, 0.01) }));
  const first = points[0]!;
  const linear = points.map((p) => ({ rows: p.rows, ms: (first.ms * p.rows) / first.rows }));
  const all = [...points, ...linear];
  const [x0, x1] = [Math.log10(Math.min(...all.map((p) => p.rows))), Math.log10(Math.max(...all.map((p) => p.rows)))];
  const [y0, y1] = [Math.log10(Math.min(...all.map((p) => p.ms))) - 0.1, Math.log10(Math.max(...all.map((p) => p.ms))) + 0.1];
  const x = (rows: number): number => PAD.left + ((Math.log10(rows) - x0) / (x1 - x0 || 1)) * (W - PAD.left - PAD.right);
  const y = (ms: number): number => H - PAD.bottom - ((Math.log10(ms) - y0) / (y1 - y0 || 1)) * (H - PAD.top - PAD.bottom);
  const path = (ps: Array<{ rows: number; ms: number }>): string => ps.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.rows).toFixed(1)},${y(p.ms).toFixed(1)}`).join(' ');
  const m = report.machine;
  const title = `Idle poll (fetch + read + keys + reconcile) by inbox size${report.quick ? ' — quick run' : ''}`;
  const subtitle = `${report.startedAt.slice(0, 10)} · ${m.cpu}, ${m.cores} cores · load ${m.loadAverage.atStart} · peak RSS of the ${report.figures.scaling.importMessages.toLocaleString('en-US')}-text import ${report.figures.scaling.peakImportRssMb} MB`;
  const ticks = points
    .map(
      (p) =>
        `<line x1="${x(p.rows).toFixed(1)}" y1="${H - PAD.bottom}" x2="${x(p.rows).toFixed(1)}" y2="${H - PAD.bottom + 5}" stroke="#555"/>` +
        `<text x="${x(p.rows).toFixed(1)}" y="${H - PAD.bottom + 18}" text-anchor="middle">${p.rows.toLocaleString('en-US')}</text>` +
        `<circle cx="${x(p.rows).toFixed(1)}" cy="${y(p.ms).toFixed(1)}" r="3.5" fill="#1f6feb"/>` +
        // Left of the point, so the last one's label stays inside the chart.
        `<text x="${(x(p.rows) - 6).toFixed(1)}" y="${(y(p.ms) - 8).toFixed(1)}" text-anchor="end" fill="#1f6feb">${p.ms} ms</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11" role="img" aria-label="${esc(title)}">
<rect width="${W}" height="${H}" fill="#fff"/>
<text x="${PAD.left}" y="18" font-size="13" font-weight="bold">${esc(title)}</text>
<text x="${PAD.left}" y="34" font-size="10" fill="#555">${esc(subtitle)}</text>
<line x1="${PAD.left}" y1="${H - PAD.bottom}" x2="${W - PAD.right}" y2="${H - PAD.bottom}" stroke="#555"/>
<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${H - PAD.bottom}" stroke="#555"/>
<text x="${(W + PAD.left) / 2}" y="${H - 10}" text-anchor="middle">inbox rows (log scale)</text>
<text x="14" y="${(H - PAD.bottom + PAD.top) / 2}" transform="rotate(-90 14 ${(H - PAD.bottom + PAD.top) / 2})" text-anchor="middle">p50 ms (log scale)</text>
<path d="${path(linear)}" fill="none" stroke="#999" stroke-dasharray="4 4"/>
<text x="${(x(linear[linear.length - 1]!.rows) - 4).toFixed(1)}" y="${(y(linear[linear.length - 1]!.ms) + 16).toFixed(1)}" text-anchor="end" fill="#777">dashed: linear from ${first.rows.toLocaleString('en-US')} rows</text>
<path d="${path(points)}" fill="none" stroke="#1f6feb" stroke-width="2"/>
${ticks}
</svg>
`;
}

/** Writes the chart and returns its path. */
export function writeScalingChart(report: BenchReport, dir = BENCH_RESULTS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, report.quick ? 'scaling-quick.svg' : 'scaling.svg');
  writeFileSync(path, scalingChartSvg(report));
  return path;
}
