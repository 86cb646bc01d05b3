/** Small shared pieces of the staff console. */
import type { ReactNode } from "react";
import type { StockStatus } from "@showroom/model";

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="admin-page-header">
      <h1>{title}</h1>
      {children && <div className="admin-row">{children}</div>}
    </header>
  );
}

const statusWords: Record<StockStatus, string> = {
  in_stock: "In stock",
  low_stock: "Low stock",
  out_of_stock: "Out of stock",
  made_to_order: "Made to order",
  backorder: "Backorder",
};

export function StatusBadge({ status }: { status: StockStatus }) {
  return <span className={`admin-status admin-status--${status}`}>{statusWords[status]}</span>;
}

export function OrderStatusBadge({ status }: { status: string }) {
  return <span className={`admin-status admin-order--${status}`}>{status}</span>;
}

export function LoadState({ error }: { error?: Error }) {
  return error ? (
    <p role="alert" className="admin-error">
      Could not load: {error.message}
    </p>
  ) : (
    <p role="status" className="admin-muted">
      Loading…
    </p>
  );
}

export const formatTime = (ms: number) => new Date(ms).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
export const shortUid = (uid: string) => (uid.length > 10 ? `${uid.slice(0, 8)}…` : uid);

/** `YYYY-MM-DD` of a date input → local midnight in ms (or null when empty). */
export function dayStart(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}
