/** An order's lines with its total: the shopper's order page and the console's order detail, each with its own columns. */
import type { ReactNode } from "react";
import { formatMoney, type Currency, type OrderLine } from "@showroom/model";

export interface LineColumn {
  header: string;
  cell: (line: OrderLine) => ReactNode;
  /** Header and cells get this class (the console right-aligns numbers with "num"). */
  className?: string;
}

export function OrderLinesTable({
  caption,
  className,
  columns,
  lines,
  totalCents,
  currency,
}: {
  /** The table's name, read by screen readers (and tests). */
  caption: string;
  className: string;
  columns: readonly LineColumn[];
  lines: readonly OrderLine[];
  totalCents: number;
  currency: Currency;
}) {
  const last = columns.at(-1);
  return (
    <table className={className}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col" className={c.className}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.sku}>
            {columns.map((c) => (
              <td key={c.header} className={c.className}>
                {c.cell(l)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={columns.length - 1}>
            Total
          </th>
          <td className={last?.className}>{formatMoney(totalCents, currency)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
