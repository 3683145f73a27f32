// Event sequence numbers: the core stamps every event with the next number, so a jump forward
// means this window missed events, and a step back means the core restarted. Either way what is
// on screen may be stale.
export type SeqVerdict = 'in_order' | 'missed';

export interface SeqTracker {
  observe(seq: number): SeqVerdict;
  /** Forget the last number (a fresh load has just fetched everything). */
  reset(): void;
}

export function createSeqTracker(): SeqTracker {
  let last: number | null = null;
  return {
    observe(seq) {
      const previous = last;
      last = seq;
      if (previous === null || seq === previous + 1) return 'in_order';
      return 'missed';
    },
    reset() {
      last = null;
    },
  };
}
