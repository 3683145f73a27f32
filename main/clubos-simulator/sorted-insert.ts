/** Inserts `item` after every element whose `at` is not later, keeping `list` ordered by time, then arrival. */
export function insertByTime<T extends { at: number }>(list: T[], item: T): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as T).at <= item.at) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}
