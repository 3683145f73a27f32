// Demo traffic: a realistic inbound text every interval, on real timers (the demo runs in real time).

export interface LiveMode {
  start(intervalMs: number): void;
  stop(): void;
}

export function createLiveMode(tick: () => void): LiveMode {
  let timer: NodeJS.Timeout | null = null;
  const stop = (): void => {
    if (timer) clearInterval(timer);
    timer = null;
  };
  return {
    start(intervalMs) {
      if (!Number.isFinite(intervalMs) || intervalMs <= 0) throw new RangeError(`live interval must be a positive number of ms, got ${intervalMs}`);
      stop();
      timer = setInterval(tick, intervalMs);
      // The demo's traffic must not keep a finished process alive.
      timer.unref();
    },
    stop,
  };
}
