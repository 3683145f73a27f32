// A gym bot import writing from File → Import: a progress bar in the window while it runs (the
// taskbar's bar is not shown by every Linux desktop), then a short result line to dismiss.
import type { ImportProgress } from '../../../common/contract';
import { useAppStore } from '../store/store-context';

const count = (n: number): string => n.toLocaleString();

export function importProgressLabel(report: Pick<ImportProgress, 'done' | 'total'>): string {
  return `Importing from the gym bot… ${count(report.done)} of ${count(report.total)}`;
}

export function importResultText(report: ImportProgress): string {
  if (report.state === 'failed') return `The import from the gym bot stopped. ${report.message ?? ''}`.trim();
  const added = report.added ?? 0;
  if (added === 0) return 'Import from the gym bot finished: nothing new to add.';
  return `Import from the gym bot finished: ${count(added)} ${added === 1 ? 'message' : 'messages'} added.`;
}

export function ImportProgressBanner() {
  const report = useAppStore((s) => s.ui.importProgress);
  const dismiss = useAppStore((s) => s.dismissImportProgress);
  if (report === null) return null;
  if (report.state === 'running') {
    const label = importProgressLabel(report);
    const max = Math.max(report.total, 1);
    const now = Math.min(report.done, max);
    return (
      <section className="import-progress" aria-label="Gym bot import">
        <span id="import-progress-label">{label}</span>
        <div className="import-progress__bar" role="progressbar" aria-labelledby="import-progress-label" aria-valuemin={0} aria-valuemax={max} aria-valuenow={now}>
          <div className="import-progress__fill" style={{ width: `${(now / max) * 100}%` }} />
        </div>
      </section>
    );
  }
  const failed = report.state === 'failed';
  return (
    <section className={failed ? 'import-progress import-progress--failed' : 'import-progress'} role={failed ? 'alert' : 'status'} aria-label="Gym bot import">
      <p>{importResultText(report)}</p>
      <button type="button" className="button button--small" onClick={dismiss}>
        Dismiss
      </button>
    </section>
  );
}
