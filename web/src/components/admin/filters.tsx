/** Filters shared by the audit log and the stock ledger: kept in the URL, so a filtered view can be linked. */
import type { ComponentProps, ReactNode } from "react";
import { useUrlParams } from "../../lib/use-url-params";

export function useLogParams<K extends string>(keys: readonly K[]): [Record<K | "from" | "to", string>, (key: K | "from" | "to", value: string) => void] {
  const [params, patch] = useUrlParams();
  const values = Object.fromEntries([...keys, "from", "to"].map((k) => [k, params.get(k) ?? ""])) as Record<K | "from" | "to", string>;
  return [values, (key, value) => patch({ [key]: value })];
}

export function LogFilters({
  label,
  from,
  to,
  onChange,
  children,
}: {
  label: string;
  from: string;
  to: string;
  onChange: (key: "from" | "to", value: string) => void;
  children: ReactNode;
}) {
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

/** A text filter that applies on blur or Enter, and only when changed, so a query is not rebuilt on every keystroke (the board's search uses it too). */
export function TextFilter({
  label,
  value,
  onChange,
  placeholder,
  upper,
  grow,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  upper?: boolean;
  grow?: boolean;
}) {
  const commit = (raw: string) => {
    const next = upper ? raw.trim().toUpperCase() : raw.trim();
    if (next !== value) onChange(next);
  };
  return (
    <label className={grow ? "admin-field admin-field--grow" : "admin-field"}>
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

type SelectFieldProps = Omit<ComponentProps<"select">, "children"> & {
  label: string;
  options: readonly { value: string; label?: string; disabled?: boolean }[];
  /** Class of the wrapping label. */
  fieldClassName?: string;
};

/** A labelled select; an option's text is its value unless it has a label. */
export function SelectField({ label, options, fieldClassName = "admin-field", ...select }: SelectFieldProps) {
  return (
    <label className={fieldClassName}>
      {label}
      <select {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label ?? o.value}
          </option>
        ))}
      </select>
    </label>
  );
}
