import { useEffect, useState } from "react";

/** The time, re-read every `intervalMs`: for views that change with the clock alone (countdowns, expiring holds, "today"). */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
