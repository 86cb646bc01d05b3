import { useNow } from "../../../lib/use-now";

/** "Held for you for 14:32", ticking; at zero, a button to hold again. */
export function HoldCountdown({ expiresAt, onExpiredRetry }: { expiresAt: string; onExpiredRetry: () => void }) {
  const left = Math.max(0, Math.floor((Date.parse(expiresAt) - useNow(1000)) / 1000));
  if (left === 0) {
    return (
      <div className="hold hold--expired" role="alert">
        <p>Your hold has expired, so these items may sell to someone else.</p>
        <button type="button" onClick={onExpiredRetry}>
          Hold my items again
        </button>
      </div>
    );
  }
  const minutes = Math.floor(left / 60);
  const seconds = String(left % 60).padStart(2, "0");
  return (
    <p className="hold">
      Your items are held for you for{" "}
      <strong role="timer" aria-label={`${minutes} minutes ${seconds} seconds left`}>
        {minutes}:{seconds}
      </strong>
    </p>
  );
}
