import type { StockStatus } from "@showroom/model";

/** A CSS tone for the status, so the colour matches the words. */
export function availabilityTone(status: StockStatus | undefined): "ok" | "low" | "none" | "later" {
  if (status === "in_stock") return "ok";
  if (status === "low_stock") return "low";
  if (status === "out_of_stock" || status === undefined) return "none";
  return "later";
}

/** Availability words with a matching colour dot; `aria-live` so a change is announced. */
export function Availability({ status, label, live = true }: { status: StockStatus | undefined; label: string | null; live?: boolean }) {
  if (label === null) return <p className="availability availability--pending">Checking availability…</p>;
  return (
    <p className={`availability availability--${availabilityTone(status)}`} aria-live={live ? "polite" : undefined} data-testid="availability">
      {label}
    </p>
  );
}
