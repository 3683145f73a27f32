/** Runs tasks strictly one after another, in call order; a failed task does not stop the queue. */
export interface SerialQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(task);
      // The queue only waits for the task to settle; its outcome belongs to the caller.
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
