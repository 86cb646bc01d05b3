/** Filters shared by the audit log and the stock ledger: kept in the URL, so a filtered view can be linked. */
import type { ReactNode } from "react";
import { useSearchParams } from "react-router";
import { Timestamp, where, type QueryConstraint } from "firebase/firestore";
import { dayStart } from "./ui";

export const LOG_LIMIT = 200;

export function useLogParams<K extends string>(keys: readonly K[]): [Record<K | "from" | "to", string>, (key: K | "from" | "to", value: string) => void] {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries([...keys, "from", "to"].map((k) => [k, params.get(k) ?? ""])) as Record<K | "from" | "to", string>;
  const set = (key: K | "from" | "to", value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return [values, set];
}

/** `at` within [from 00:00, to 24:00) local time; either end may be open. */
export function timeRange(from: string, to: string): QueryConstraint[] {
  const start = dayStart(from);
  const end = dayStart(to);
  return [
    ...(start !== null ? [where("at", ">=", Timestamp.fromMillis(start))] : []),
    ...(end !== null ? [where("at", "<", Timestamp.fromMillis(end + 86_400_000))] : []),
  ];
}

export function LogFilters({ label, from, to, onChange, children }: { label: string; from: string; to: string; onChange: (key: "from" | "to", value: string) => void; children: ReactNode }) {
  return (
    <form className="admin-filters" role="search" aria-label={label} onSubmit={(e) => e.preventDefault()}>
      {children}
      <label className="admin-field">
        From
        <input type="date" value={from} onChange={(e) => onChange("from", e.target.value)} />
      </label>
      <label className="admin-field">
        To
        <input type="date" value={to} onChange={(e) => onChange("to", e.target.value)} />
      </label>
    </form>
  );
}

/** A text filter that applies on blur or Enter, so a query is not rebuilt on every keystroke. */
export function TextFilter({ label, value, onChange, placeholder, upper }: { label: string; value: string; onChange: (value: string) => void; placeholder?: string; upper?: boolean }) {
  const commit = (raw: string) => onChange(upper ? raw.trim().toUpperCase() : raw.trim());
  return (
    <label className="admin-field">
      {label}
      <input
        key={value}
        defaultValue={value}
        placeholder={placeholder}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit(e.currentTarget.value);
        }}
      />
    </label>
  );
}
