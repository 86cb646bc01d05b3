import type { StockStatus } from "@showroom/model";
import { availabilityTone } from "../../features/catalog/api/product-availability";

/** Availability words with a matching colour dot; `aria-live` so a change is announced. */
export function Availability({ status, label, live = true }: { status: StockStatus | undefined; label: string | null; live?: boolean }) {
  if (label === null) return <p className="availability availability--pending">Checking availability…</p>;
  return (
    <p className={`availability availability--${availabilityTone(status)}`} aria-live={live ? "polite" : undefined} data-testid="availability">
      {label}
    </p>
  );
}
