/** The live inventory board: every SKU, its stock per location, filters, sort, and inline adjustments. */
import { Fragment, useMemo, useState } from "react";
import { Link } from "react-router";
import {
  BoardSortKeys,
  boardCounts,
  boardView,
  Categories,
  CategoryLabels,
  DEFAULT_BOARD_FILTER,
  DEFAULT_BOARD_SORT,
  Locations,
  StockFilters,
  type BoardFilter,
  type BoardRow,
  type BoardSort,
  type BoardSortKey,
} from "@showroom/model";
import { useBoardRows } from "../api/use-inventory-board";
import { useUrlParams } from "../api/use-url-params";
import { AdjustForm } from "./adjust-form";
import { LoadState, PageHeader, StatusBadge } from "./ui";

const stockFilterLabels = { all: "All stock", low: "Low stock", out: "Out of stock" } as const;
const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T => (values.includes(value as T) ? (value as T) : fallback);

const isDefaultParam = (key: string, value: string) => value === "" || value === "all" || (key === "sort" && value === DEFAULT_BOARD_SORT.key) || (key === "dir" && value === "asc");

function useBoardParams(): [BoardFilter, BoardSort, (patch: Record<string, string>) => void] {
  const [params, update] = useUrlParams(isDefaultParam);
  const filter: BoardFilter = {
    search: params.get("q") ?? "",
    stock: oneOf(StockFilters, params.get("stock"), "all"),
    category: oneOf(["all", ...Categories], params.get("category"), "all"),
    location: oneOf(["all", ...Locations], params.get("location"), "all"),
  };
  const sort: BoardSort = {
    key: oneOf(BoardSortKeys, params.get("sort"), DEFAULT_BOARD_SORT.key),
    direction: params.get("dir") === "desc" ? "desc" : "asc",
  };
  return [filter, sort, update];
}

const columns: { key: BoardSortKey; label: string; numeric?: boolean }[] = [
  { key: "sku", label: "SKU" },
  { key: "product", label: "Product" },
  { key: "onHand", label: "On hand", numeric: true },
  { key: "held", label: "Held", numeric: true },
  { key: "available", label: "Available", numeric: true },
  { key: "status", label: "Status" },
];

export function InventoryBoard() {
  const rows = useBoardRows();
  const [filter, sort, update] = useBoardParams();
  const [adjusting, setAdjusting] = useState<string | null>(null);
  const visible = useMemo(() => (rows.status === "ready" ? boardView(rows.data, filter, sort) : []), [rows, filter, sort]);
  const counts = useMemo(() => boardCounts(rows.status === "ready" ? rows.data : []), [rows]);

  const toggleSort = (key: BoardSortKey) => update({ sort: key, dir: sort.key === key && sort.direction === "asc" ? "desc" : "asc" });

  return (
    <>
      <PageHeader title="Inventory">
        <Link className="admin-button" to="/admin/receiving">
          Receive a shipment
        </Link>
      </PageHeader>
      <section className="admin-kpis" aria-label="Stock summary">
        <Kpi label="SKUs" value={counts.skus} />
        <Kpi label="Units on hand" value={counts.units} />
        <Kpi label="Low stock" value={counts.low} tone="low" onClick={() => update({ stock: "low" })} />
        <Kpi label="Out of stock" value={counts.out} tone="out" onClick={() => update({ stock: "out" })} />
      </section>
      <form className="admin-filters" role="search" aria-label="Filter inventory" onSubmit={(e) => e.preventDefault()}>
        <label className="admin-field admin-field--grow">
          Search
          <input type="search" placeholder="SKU or product name" value={filter.search} onChange={(e) => update({ q: e.target.value })} />
        </label>
        <label className="admin-field">
          Stock
          <select value={filter.stock} onChange={(e) => update({ stock: e.target.value })}>
            {StockFilters.map((s) => (
              <option key={s} value={s}>
                {stockFilterLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field">
          Category
          <select value={filter.category} onChange={(e) => update({ category: e.target.value })}>
            <option value="all">All categories</option>
            {Categories.map((c) => (
              <option key={c} value={c}>
                {CategoryLabels[c]}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field">
          Location
          <select value={filter.location} onChange={(e) => update({ location: e.target.value })}>
            <option value="all">All locations</option>
            {Locations.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="admin-link" onClick={() => update({ q: "", stock: "all", category: "all", location: "all" })} disabled={sameFilter(filter, DEFAULT_BOARD_FILTER)}>
          Clear filters
        </button>
      </form>
      {rows.status !== "ready" ? (
        <LoadState live={rows} />
      ) : (
        <>
          <p className="admin-muted" role="status" aria-live="polite">
            Showing {visible.length} of {rows.data.length} SKUs · live
          </p>
          <div className="admin-table-wrap">
            <table className="admin-table" aria-label="Inventory board">
              <thead>
                <tr>
                  {columns.slice(0, 2).map((c) => (
                    <SortHeader key={c.key} column={c} sort={sort} onSort={toggleSort} />
                  ))}
                  {Locations.map((l) => (
                    <th key={l} scope="col" className="num">
                      {l}
                    </th>
                  ))}
                  {columns.slice(2).map((c) => (
                    <SortHeader key={c.key} column={c} sort={sort} onSort={toggleSort} />
                  ))}
                  <th scope="col" className="num">
                    Low at
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {visible.map((row) => (
                  <Fragment key={row.sku}>
                    <BoardLine row={row} adjusting={adjusting === row.sku} onAdjust={() => setAdjusting(adjusting === row.sku ? null : row.sku)} />
                    {adjusting === row.sku && (
                      <tr className="admin-table__form-row">
                        <td colSpan={columns.length + Locations.length + 2}>
                          <AdjustForm row={row} onDone={() => setAdjusting(null)} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
            {visible.length === 0 && <p className="admin-empty">No SKUs match these filters.</p>}
          </div>
        </>
      )}
    </>
  );
}

const sameFilter = (a: BoardFilter, b: BoardFilter) => a.search === b.search && a.stock === b.stock && a.category === b.category && a.location === b.location;

function Kpi({ label, value, tone, onClick }: { label: string; value: number; tone?: "low" | "out"; onClick?: () => void }) {
  const body = (
    <>
      <span className="admin-kpi__value">{value.toLocaleString("en-US")}</span>
      <span className="admin-kpi__label">{label}</span>
    </>
  );
  return onClick ? (
    <button type="button" className={`admin-kpi admin-kpi--${tone}`} onClick={onClick} aria-label={`${label}: ${value}. Show them`}>
      {body}
    </button>
  ) : (
    <div className="admin-kpi">{body}</div>
  );
}

function SortHeader({ column, sort, onSort }: { column: (typeof columns)[number]; sort: BoardSort; onSort: (key: BoardSortKey) => void }) {
  const active = sort.key === column.key;
  return (
    <th scope="col" className={column.numeric ? "num" : undefined} aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : "none"}>
      <button type="button" className="admin-sort" onClick={() => onSort(column.key)}>
        {column.label}
        <span aria-hidden="true">{active ? (sort.direction === "asc" ? " ▲" : " ▼") : ""}</span>
      </button>
    </th>
  );
}

function BoardLine({ row, adjusting, onAdjust }: { row: BoardRow; adjusting: boolean; onAdjust: () => void }) {
  return (
    <tr aria-label={row.sku} className={row.productActive ? undefined : "is-inactive"}>
      <td className="mono">
        <Link to={`/admin/ledger?sku=${encodeURIComponent(row.sku)}`}>{row.sku}</Link>
      </td>
      <td>
        {row.productName}
        {!row.productActive && <span className="admin-muted"> · inactive</span>}
      </td>
      {Locations.map((l) => (
        <td key={l} className="num" data-column={`onhand-${l}`}>
          {row.onHand[l]}
        </td>
      ))}
      <td className="num" data-column="onhand">
        {row.totalOnHand}
      </td>
      <td className="num" data-column="held">
        {row.held}
      </td>
      <td className="num" data-column="available">
        {row.policy === "made_to_order" ? "—" : row.available}
      </td>
      <td>
        <StatusBadge status={row.status} />
      </td>
      <td className="num">{row.lowStockThreshold}</td>
      <td>
        <button type="button" className="admin-button admin-button--small" aria-expanded={adjusting} aria-label={`Adjust ${row.sku}`} onClick={onAdjust}>
          Adjust
        </button>
      </td>
    </tr>
  );
}
