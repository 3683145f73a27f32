// The current time from the injected clock, re-read every `intervalMs` so relative times tick.
import { useEffect, useState } from 'react';
import { useAppDeps } from '../store/store-context';

export function useNow(intervalMs: number): number {
  const { now } = useAppDeps();
  const [time, setTime] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setTime(now()), intervalMs);
    return () => clearInterval(timer);
  }, [now, intervalMs]);
  return time;
}
