// Long pages are read in slices with a pause between them, so the main process keeps
// answering the window while a year of inbox is parsed.

export interface SliceOptions {
  /** Rows read between two pauses; default DEFAULT_ROWS_PER_SLICE. */
  rowsPerSlice?: number;
  /** Lets other work run; default: the next turn of the event loop. */
  pause?: () => Promise<void>;
}

/** About 1–2 ms of work a slice on a modest machine. */
export const DEFAULT_ROWS_PER_SLICE = 500;

export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function resolveSliceOptions(options: SliceOptions): { rowsPerSlice: number; pause: () => Promise<void> } {
  const rowsPerSlice = options.rowsPerSlice ?? DEFAULT_ROWS_PER_SLICE;
  if (!Number.isInteger(rowsPerSlice) || rowsPerSlice < 1) throw new RangeError(`rowsPerSlice must be a positive integer, not ${rowsPerSlice}`);
  return { rowsPerSlice, pause: options.pause ?? nextTurn };
}
