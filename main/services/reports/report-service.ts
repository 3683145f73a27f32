// Reports: response times computed through a ReportSource (this desk's database alone, the team
// store in team mode), in the club's time zone, and the same period as CSV.
import type { Report } from '../../../common/reports';
import type { Clock } from '../../../common/time/clock';
import { buildReport, reportData, reportPeriod } from './build-report';
import { reportCsv } from './report-csv';
import type { ReportSource } from './report-source';

export interface ReportService {
  report(days: number): Promise<Report>;
  exportCsv(days: number): Promise<{ fileName: string; content: string }>;
}

export function createReportService(deps: {
  /** Where the data comes from now (the team store replaces the local database in team mode). */
  source: () => ReportSource;
  /** The club's zone: days and hours are the club's. */
  timeZone: () => Promise<string>;
  clock: Clock;
}): ReportService {
  const load = async (days: number) => {
    const timeZone = await deps.timeZone();
    const now = deps.clock.now();
    const period = reportPeriod(days, now, timeZone);
    const source = deps.source();
    const [timeline, waiting] = await Promise.all([source.timeline({ from: period.from, to: period.to }), source.waitingNow()]);
    return { timeZone, now, period, timeline, waiting, data: reportData(timeline, period) };
  };
  return {
    async report(days) {
      const { timeZone, now, period, timeline, waiting, data } = await load(days);
      return buildReport({ data, waiting, period, timeZone, now, resolvesRecordedSince: timeline.resolvesRecordedSince });
    },
    async exportCsv(days) {
      const { timeZone, period, data } = await load(days);
      return { fileName: `frontdesk-response-times-${period.fromDate}-to-${period.toDate}.csv`, content: reportCsv(data, timeZone) };
    },
  };
}
