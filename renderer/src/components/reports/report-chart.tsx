// One chart of the Reports view: bars (or lines) drawn by recharts, with the same figures as a
// table right under it for screen readers and for reading exact values. The drawing itself is
// hidden from assistive technology: the table says everything it shows.
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useId, type ReactNode } from 'react';

export interface Series {
  key: string;
  label: string;
  /** 1–3: the colour (styles/reports.css), so dark mode and contrast live in CSS. */
  tone: 1 | 2 | 3;
}

export type ChartRow = { label: string } & Record<string, number | string | null>;

export function ReportChart({
  title,
  kind,
  rows,
  series,
  unit,
  table,
  layout = 'horizontal',
  open = false,
}: {
  title: string;
  kind: 'bar' | 'line';
  rows: ChartRow[];
  series: Series[];
  unit: string;
  table: ReactNode;
  layout?: 'horizontal' | 'vertical';
  /** The table shown from the start (where exact figures are the point, e.g. per staff member). */
  open?: boolean;
}) {
  const titleId = useId();
  // A zero-minute reply is data; a count of zero is passed as null by the caller (no bar either way).
  const empty = rows.every((r) => series.every((s) => r[s.key] === null || r[s.key] === undefined));
  const height = layout === 'vertical' ? Math.max(160, rows.length * 28 + 40) : 220;
  const axes =
    layout === 'vertical'
      ? [<XAxis key="x" type="number" tickLine={false} />, <YAxis key="y" type="category" dataKey="label" width={150} tickLine={false} interval={0} />]
      : [<XAxis key="x" dataKey="label" tickLine={false} minTickGap={8} />, <YAxis key="y" width={44} tickLine={false} allowDecimals={false} />];
  return (
    <figure className="report-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="report-chart-title">
        {title} <span className="muted">({unit})</span>
      </figcaption>
      <ul className="report-legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key} className={`report-legend-item report-tone-${s.tone}`}>
            {s.label}
          </li>
        ))}
      </ul>
      <div className="report-chart-canvas" aria-hidden="true">
        {empty ? (
          <p className="muted report-chart-empty">Nothing in this period.</p>
        ) : (
          <ResponsiveContainer width="100%" height={height}>
            {kind === 'bar' ? (
              <BarChart data={rows} layout={layout} accessibilityLayer={false} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
                <CartesianGrid className="report-grid" vertical={layout === 'vertical'} horizontal={layout === 'horizontal'} />
                {axes}
                <Tooltip isAnimationActive={false} cursor={false} wrapperClassName="report-tooltip" />
                {series.map((s) => (
                  <Bar key={s.key} dataKey={s.key} name={s.label} className={`report-tone-${s.tone}`} isAnimationActive={false} />
                ))}
              </BarChart>
            ) : (
              <LineChart data={rows} accessibilityLayer={false} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
                <CartesianGrid className="report-grid" vertical={false} />
                {axes}
                <Tooltip isAnimationActive={false} wrapperClassName="report-tooltip" />
                {series.map((s) => (
                  <Line key={s.key} dataKey={s.key} name={s.label} className={`report-tone-${s.tone}`} dot={{ r: 2.5 }} connectNulls={false} isAnimationActive={false} />
                ))}
              </LineChart>
            )}
          </ResponsiveContainer>
        )}
      </div>
      <details className="report-table" open={open}>
        <summary>Show as table</summary>
        {table}
      </details>
    </figure>
  );
}
