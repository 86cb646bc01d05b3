import { useState } from "react";
import { ErrorNote } from "../../../components/ui/status";
import { unwatchSku, useAlert, watchSku } from "../api/alerts";

/**
 * For an out-of-stock variant: "Notify me when it's back". Needs a signed-in
 * shopper (guests too); notices arrive only with email marketing consent on,
 * which the hint says.
 */
export function NotifyMeButton({ uid, sku, label }: { uid: string | null; sku: string; label?: string }) {
  const alert = useAlert(uid, sku);
  const [error, setError] = useState(false);
  if (!uid) return null;
  const watching = alert.status === "ready" && alert.data !== null;
  const toggle = () => {
    setError(false);
    (watching ? unwatchSku(uid, sku) : watchSku(uid, sku)).catch(() => setError(true));
  };
  return (
    <div className="notify-me">
      <button type="button" className="button" aria-pressed={watching} disabled={alert.status === "loading"} onClick={toggle}>
        {watching ? `Stop notifying me${label ? ` about ${label}` : ""}` : `Notify me when ${label ?? "it"}’s back`}
      </button>
      {watching && <p className="muted">We’ll let you know here (and by email if you’ve allowed it in your account).</p>}
      {error && <ErrorNote>We couldn’t save that. Please try again.</ErrorNote>}
    </div>
  );
}
