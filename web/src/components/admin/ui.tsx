/** Small shared pieces of the staff console. */
import type { ReactNode } from "react";
import type { StockStatus } from "@showroom/model";
import type { Live } from "../../lib/live-state";

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

/** What a read that is not ready yet shows: loading, or why it failed. */
export function LoadState({ live }: { live: Live<unknown> }) {
  return live.status === "error" ? (
    <p role="alert" className="admin-error">
      Could not load: {live.error.message}
    </p>
  ) : (
    <p role="status" className="admin-muted">
      Loading…
    </p>
  );
}

/** A live list as a table: loading or error, `empty` when it has no rows, else the table `children` render. */
export function LiveTable<T>({ live, empty, children }: { live: Live<T[]>; empty: string; children: (rows: T[]) => ReactNode }) {
  if (live.status !== "ready") return <LoadState live={live} />;
  if (live.data.length === 0) return <p className="admin-empty">{empty}</p>;
  return <div className="admin-table-wrap">{children(live.data)}</div>;
}

/** A column heading: its words, or numeric (right-aligned figures); `ACTIONS` is the row buttons' column, named for screen readers only. */
export type Column = string | { heading: string; numeric?: boolean; hidden?: boolean };
export const ACTIONS: Column = { heading: "Actions", hidden: true };

/** A console table: one heading row from `columns`, then the rows the page renders as `children`. */
export function AdminTable({ label, columns, children }: { label: string; columns: readonly Column[]; children: ReactNode }) {
  return (
    <table className="admin-table" aria-label={label}>
      <thead>
        <tr>
          {columns.map((column) => {
            const { heading, numeric, hidden } = typeof column === "string" ? { heading: column } : column;
            return (
              <th key={heading} scope="col" className={numeric ? "num" : undefined}>
                {hidden ? <span className="visually-hidden">{heading}</span> : heading}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

export const formatTime = (ms: number) => new Date(ms).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
export const shortUid = (uid: string) => (uid.length > 10 ? `${uid.slice(0, 8)}…` : uid);
