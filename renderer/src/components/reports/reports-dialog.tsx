// Reports: how fast members get answers. First response and time to resolve (median and 90th
// percentile) by day, by hour of the club's day, by staff member and by intent; how many requests
// of each kind; who is waiting now. Definitions are the core's (README, "Reports"); everything
// here only draws what getReport answers, and the CSV is saved like the other exports.
import { useEffect, useState } from 'react';
import { INTENT_LABELS } from '../../../../common/intent-catalog';
import { REPORT_PERIODS, type DurationStat, type Report, type ReportIntent } from '../../../../common/reports';
import { toApiError, unwrap } from '../../api';
import { formatDuration, toMinutes } from '../../format/duration';
import { useAppDeps, useAppStore } from '../../store/store-context';
import { downloadText } from '../download';
import { Modal } from '../modal';
import { ReportChart, type ChartRow, type Series } from './report-chart';
import { ErrorLine } from '../error-line';

const intentLabel = (intent: ReportIntent): string => (intent === 'unclassified' ? 'Unclassified' : INTENT_LABELS[intent]);
const hourLabel = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;
const shortDate = (date: string): string => {
  const [, m, d] = date.split('-');
  return `${Number(m)}/${Number(d)}`;
};

const TIMES: Series[] = [
  { key: 'frMedian', label: 'First response, median', tone: 1 },
  { key: 'frP90', label: 'First response, p90', tone: 2 },
  { key: 'resMedian', label: 'Resolve, median', tone: 3 },
];

function timesRow(label: string, b: { firstResponse: DurationStat; resolution: DurationStat }): ChartRow {
  return { label, frMedian: toMinutes(b.firstResponse.medianMs), frP90: toMinutes(b.firstResponse.p90Ms), resMedian: toMinutes(b.resolution.medianMs) };
}

function TimesTable({ head, rows }: { head: string; rows: Array<{ key: string; label: string; requests?: number; firstResponse: DurationStat; resolution: DurationStat }> }) {
  const withRequests = rows.some((r) => r.requests !== undefined);
  return (
    <table className="report-data">
      <thead>
        <tr>
          <th scope="col">{head}</th>
          {withRequests ? <th scope="col">Requests</th> : null}
          <th scope="col">Replies timed</th>
          <th scope="col">First response, median</th>
          <th scope="col">First response, p90</th>
          <th scope="col">Resolved</th>
          <th scope="col">Resolve, median</th>
          <th scope="col">Resolve, p90</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            {withRequests ? <td>{r.requests}</td> : null}
            <td>{r.firstResponse.count}</td>
            <td>{formatDuration(r.firstResponse.medianMs)}</td>
            <td>{formatDuration(r.firstResponse.p90Ms)}</td>
            <td>{r.resolution.count}</td>
            <td>{formatDuration(r.resolution.medianMs)}</td>
            <td>{formatDuration(r.resolution.p90Ms)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Summary({ report }: { report: Report }) {
  const t = report.totals;
  const w = report.waitingNow;
  return (
    <dl className="report-summary">
      <div>
        <dt>Requests</dt>
        <dd>{t.requests}</dd>
        <dd className="muted">
          {t.answered} answered · {t.closedWithoutReply} closed without a reply · {t.stillWaiting} open
        </dd>
      </div>
      <div>
        <dt>First response</dt>
        <dd>{formatDuration(t.firstResponse.medianMs)}</dd>
        <dd className="muted">median · p90 {formatDuration(t.firstResponse.p90Ms)}</dd>
      </div>
      <div>
        <dt>Time to resolve</dt>
        <dd>{formatDuration(t.resolution.medianMs)}</dd>
        <dd className="muted">median · p90 {formatDuration(t.resolution.p90Ms)}</dd>
      </div>
      <div>
        <dt>Waiting now</dt>
        <dd>{w.count}</dd>
        <dd className="muted">longest {formatDuration(w.longestMs)}</dd>
      </div>
    </dl>
  );
}

export function ReportView({ report }: { report: Report }) {
  const selectConversation = useAppStore((s) => s.selectConversation);
  const closeDialog = useAppStore((s) => s.closeDialog);
  const dayRows = report.byDay.map((d) => timesRow(shortDate(d.date), d));
  const hourRows = report.byHour.map((h) => timesRow(hourLabel(h.hour), h));
  const staffRows = report.byStaff.map((s) => timesRow(s.staff, s));
  const intentTimeRows = report.byIntent.map((i) => timesRow(intentLabel(i.intent), i));
  const volumeRows: ChartRow[] = report.byIntent.map((i) => ({ label: intentLabel(i.intent), requests: i.requests || null }));
  const waitRows: ChartRow[] = report.waitingNow.bands.map((b) => ({ label: b.label, members: b.count || null }));
  return (
    <div className="report">
      <Summary report={report} />
      <p className="muted report-notes">
        Days and hours are the club&apos;s ({report.timeZone}), by the member&apos;s first text. Medians and p90 count answered requests whose
        times are known.
        {report.totals.untimed > 0 ? ` ${report.totals.untimed} answered requests had a text ClubOS dated without a minute and are not timed.` : ''}
        {report.resolvesRecordedSince
          ? ` Resolve times are recorded since ${new Date(report.resolvesRecordedSince).toLocaleDateString()}; earlier conversations have none.`
          : ''}
      </p>
      <div className="report-grid-2">
        <ReportChart
          title="Response times by day"
          kind="line"
          unit="minutes"
          rows={dayRows}
          series={TIMES}
          table={<TimesTable head="Day" rows={report.byDay.map((d) => ({ key: d.date, label: d.date, ...d }))} />}
        />
        <ReportChart
          title="Response times by hour of day"
          kind="bar"
          unit="minutes"
          rows={hourRows}
          series={TIMES}
          table={<TimesTable head="Hour" rows={report.byHour.map((h) => ({ key: String(h.hour), label: hourLabel(h.hour), ...h }))} />}
        />
        <ReportChart
          title="Response times by staff member"
          kind="bar"
          layout="vertical"
          unit="minutes"
          rows={staffRows}
          series={TIMES}
          open
          table={<TimesTable head="Staff member" rows={report.byStaff.map((s) => ({ key: s.staff, label: s.staff, ...s }))} />}
        />
        <ReportChart
          title="Response times by intent"
          kind="bar"
          layout="vertical"
          unit="minutes"
          rows={intentTimeRows}
          series={TIMES}
          table={<TimesTable head="Intent" rows={report.byIntent.map((i) => ({ key: i.intent, label: intentLabel(i.intent), ...i }))} />}
        />
        <ReportChart
          title="Requests by intent"
          kind="bar"
          layout="vertical"
          unit="requests"
          rows={volumeRows}
          series={[{ key: 'requests', label: 'Requests', tone: 1 }]}
          table={
            <table className="report-data">
              <thead>
                <tr>
                  <th scope="col">Intent</th>
                  <th scope="col">Requests</th>
                </tr>
              </thead>
              <tbody>
                {report.byIntent.map((i) => (
                  <tr key={i.intent}>
                    <th scope="row">{intentLabel(i.intent)}</th>
                    <td>{i.requests}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
        <ReportChart
          title="Waiting now, by how long"
          kind="bar"
          unit="members"
          rows={waitRows}
          series={[{ key: 'members', label: 'Members waiting', tone: 2 }]}
          open
          table={
            report.waitingNow.longest.length === 0 ? (
              <p className="muted">Nobody is waiting.</p>
            ) : (
              <table className="report-data">
                <thead>
                  <tr>
                    <th scope="col">Member</th>
                    <th scope="col">Waiting</th>
                    <th scope="col">Intent</th>
                  </tr>
                </thead>
                <tbody>
                  {report.waitingNow.longest.map((w) => (
                    <tr key={w.conversationId}>
                      <th scope="row">
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => {
                            closeDialog();
                            selectConversation(w.conversationId);
                          }}
                        >
                          {w.memberName}
                        </button>
                      </th>
                      <td>{formatDuration(Date.parse(report.generatedAt) - Date.parse(w.waitingSince))}</td>
                      <td>{intentLabel(w.intent)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        />
      </div>
    </div>
  );
}

export function ReportsDialog() {
  const { api } = useAppDeps();
  const closeDialog = useAppStore((s) => s.closeDialog);
  const [days, setDays] = useState<number>(REPORT_PERIODS[0]);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  const [refreshes, setRefreshes] = useState(0);

  useEffect(() => {
    let live = true;
    unwrap(api.getReport({ days })).then(
      (r) => {
        if (!live) return;
        setReport(r);
        setError(null);
      },
      (e: unknown) => {
        if (live) setError(toApiError(e).message);
      },
    );
    return () => {
      live = false;
    };
  }, [api, days, refreshes]);

  const exportCsv = (): void => {
    setExporting(true);
    setError(null);
    unwrap(api.exportReportCsv({ days }))
      .then(
        (file) => downloadText(file.fileName, file.content, 'text/csv'),
        (e: unknown) => setError(toApiError(e).message),
      )
      .finally(() => setExporting(false));
  };

  return (
    <Modal title="Reports" onClose={closeDialog} full>
      <div className="report-toolbar">
        <label>
          Period{' '}
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {REPORT_PERIODS.map((d) => (
              <option key={d} value={d}>
                Last {d} days
              </option>
            ))}
          </select>
        </label>
        {report ? (
          <span className="muted">
            {report.fromDate} – {report.toDate}
          </span>
        ) : null}
        <button type="button" className="button button--small" onClick={() => setRefreshes((n) => n + 1)}>
          Refresh
        </button>
        <button type="button" className="button button--small" disabled={exporting} onClick={exportCsv}>
          Export CSV
        </button>
      </div>
      <ErrorLine message={error} />
      {report ? <ReportView report={report} /> : error ? null : <p className="muted">Loading…</p>}
    </Modal>
  );
}
