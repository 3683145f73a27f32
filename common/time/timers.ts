// Timers as a dependency, so debouncing and coalescing run under fake timers or a test scheduler.
export type TimerHandle = ReturnType<typeof setTimeout>;

export interface Timers {
  setTimeout: (callback: () => void, ms: number) => TimerHandle;
  clearTimeout: (handle: TimerHandle) => void;
}

// Looked up at call time, so vi.useFakeTimers() installed after import still applies.
export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
};
