/** The live inventory board: a page of SKUs at a time, their stock per location, filters, sort, and inline adjustments. */
import { Fragment, useMemo, useState } from "react";
import { Link } from "react-router";
import {
  BoardSortKeys,
  boardView,
  Categories,
  CategoryLabels,
  DEFAULT_BOARD_FILTER,
  DEFAULT_BOARD_SORT,
  LocationCodeSchema,
  onHandAt,
  StockFilters,
  type BoardFilter,
  type BoardRow,
  type BoardSort,
  type BoardSortKey,
  type StockLocation,
} from "@showroom/model";
import { boardPlan, type BoardCursor, type BoardPlan } from "../api/board-query";
import { useBoardCounts, useBoardPage, useMatchCount } from "../api/use-inventory-board";
import { useUrlParams } from "../../../lib/use-url-params";
import { useLocations } from "../../locations";
import { AdjustForm } from "./adjust-form";
import { SelectField, TextFilter } from "../../../components/admin/filters";
import { Pager } from "../../../components/ui/pager";
import { LoadState, PageHeader, StatusBadge } from "../../../components/admin/ui";

const stockFilterLabels = { all: "All stock", low: "Low stock", out: "Out of stock" } as const;
const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T => (values.includes(value as T) ? (value as T) : fallback);

const isDefaultParam = (key: string, value: string) =>
  value === "" || value === "all" || (key === "sort" && value === DEFAULT_BOARD_SORT.key) || (key === "dir" && value === "asc");

function useBoardParams(): [BoardFilter, BoardSort, BoardCursor, (patch: Record<string, string>) => void] {
  const [params, update] = useUrlParams(isDefaultParam);
  const filter: BoardFilter = {
    search: params.get("q") ?? "",
    stock: oneOf(StockFilters, params.get("stock"), "all"),
    category: oneOf(["all", ...Categories], params.get("category"), "all"),
    // Any well-formed code: locations are data, and one that matches nothing shows no SKUs.
    location: LocationCodeSchema.safeParse(params.get("location")).success ? params.get("location")! : "all",
  };
  const sort: BoardSort = {
    key: oneOf(BoardSortKeys, params.get("sort"), DEFAULT_BOARD_SORT.key),
    direction: params.get("dir") === "desc" ? "desc" : "asc",
  };
  const cursor: BoardCursor = {
    ...(params.get("after") ? { after: params.get("after")! } : {}),
    ...(params.get("before") ? { before: params.get("before")! } : {}),
  };
  return [filter, sort, cursor, update];
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
  const [filter, sort, cursor, update] = useBoardParams();
  // The server pages in SKU order; another sort orders the page's rows.
  const plan = useMemo(() => boardPlan(filter, sort.key === "sku" ? sort.direction : "asc"), [filter, sort.key, sort.direction]);
  const page = useBoardPage(plan, cursor);
  const counts = useBoardCounts();
  const locations = useLocations();
  const matching = useMatchCount(plan);
  const [adjusting, setAdjusting] = useState<string | null>(null);
  const visible = useMemo(() => (page.status === "ready" ? boardView(page.data.rows, filter, sort) : []), [page, filter, sort]);

  // A new filter or order starts again from the first page.
  const refilter = (patch: Record<string, string>) => update({ ...patch, after: "", before: "" });
  const toggleSort = (key: BoardSortKey) => refilter({ sort: key, dir: sort.key === key && sort.direction === "asc" ? "desc" : "asc" });
  const ready = counts.status === "ready" ? counts.data : null;

  return (
    <>
      <PageHeader title="Inventory">
        <Link className="admin-button" to="/admin/receiving">
          Receive a shipment
        </Link>
      </PageHeader>
      <section className="admin-kpis" aria-label="Stock summary">
        <Kpi label="SKUs" value={ready?.skus} />
        <Kpi label="Units on hand" value={ready?.units} />
        <Kpi label="Low stock" value={ready?.low} tone="low" onClick={() => refilter({ stock: "low" })} />
        <Kpi label="Out of stock" value={ready?.out} tone="out" onClick={() => refilter({ stock: "out" })} />
      </section>
      <form className="admin-filters" role="search" aria-label="Filter inventory" onSubmit={(e) => e.preventDefault()}>
        <TextFilter label="SKU or product name" value={filter.search} onChange={(v) => refilter({ q: v })} placeholder="e.g. SOF-ALBA or oak bed" grow />
        <SelectField
          label="Stock"
          value={filter.stock}
          onChange={(e) => refilter({ stock: e.target.value })}
          options={StockFilters.map((s) => ({ value: s, label: stockFilterLabels[s] }))}
        />
        <SelectField
          label="Category"
          value={filter.category}
          onChange={(e) => refilter({ category: e.target.value })}
          options={[{ value: "all", label: "All categories" }, ...Categories.map((c) => ({ value: c, label: CategoryLabels[c] }))]}
        />
        <SelectField
          label="Location"
          value={filter.location}
          onChange={(e) => refilter({ location: e.target.value })}
          options={[
            { value: "all", label: "All locations" },
            ...(locations.status === "ready" ? locations.data : []).map((l) => ({ value: l.code, label: `${l.name} (${l.code})` })),
          ]}
        />
        <button
          type="button"
          className="admin-link"
          onClick={() => refilter({ q: "", stock: "all", category: "all", location: "all" })}
          disabled={sameFilter(filter, DEFAULT_BOARD_FILTER)}
        >
          Clear filters
        </button>
      </form>
      {page.status !== "ready" ? (
        <LoadState live={page} />
      ) : locations.status !== "ready" ? (
        <LoadState live={locations} />
      ) : (
        <>
          <p className="admin-muted" role="status" aria-live="polite">
            {pageSummary(visible, page.data.rows.length, matching.status === "ready" ? matching.data : null, plan.pageOnly, sort.key !== "sku")}
          </p>
          <div className="admin-table-wrap">
            <table className="admin-table" aria-label="Inventory board">
              <thead>
                <tr>
                  {columns.slice(0, 2).map((c) => (
                    <SortHeader key={c.key} column={c} sort={sort} onSort={toggleSort} />
                  ))}
                  {locations.data.map((l) => (
                    <th key={l.code} scope="col" className="num" title={l.name}>
                      {l.code}
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
                    <BoardLine
                      row={row}
                      locations={locations.data}
                      adjusting={adjusting === row.sku}
                      onAdjust={() => setAdjusting(adjusting === row.sku ? null : row.sku)}
                    />
                    {adjusting === row.sku && (
                      <tr className="admin-table__form-row">
                        <td colSpan={columns.length + locations.data.length + 2}>
                          <AdjustForm row={row} locations={locations.data} onDone={() => setAdjusting(null)} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
            {visible.length === 0 && (
              <p className="admin-empty">
                {plan.pageOnly.length > 0 && page.data.rows.length > 0
                  ? `None of this page's ${page.data.rows.length} SKUs matches the ${plan.pageOnly.join(" and ")} filter${page.data.hasNext ? "; the next pages may." : "."}`
                  : "No SKUs match these filters."}
              </p>
            )}
          </div>
          <Pager
            label="Board pages"
            className="admin-pager"
            buttonClassName="admin-button"
            arrows
            hasPrevious={page.data.hasPrevious}
            hasNext={page.data.hasNext}
            onPrevious={() => update({ before: page.data.rows[0]?.sku ?? "", after: "" })}
            onNext={() => update({ after: page.data.rows.at(-1)?.sku ?? "", before: "" })}
          />
        </>
      )}
    </>
  );
}

/** What the page shows, and what applies to the page only: a location together with a search (board-query.ts), and a sort other than SKU. */
function pageSummary(visible: readonly BoardRow[], onPage: number, matching: number | null, pageOnly: BoardPlan["pageOnly"], sortedOnPage: boolean): string {
  const first = visible[0]?.sku;
  const last = visible.at(-1)?.sku;
  const parts = [visible.length === 0 ? "No SKUs on this page" : visible.length === 1 ? `1 SKU: ${first}` : `${visible.length} SKUs, ${first} to ${last}`];
  if (pageOnly.length > 0) parts.push(`${pageOnly.join(" and ")} filtered within this page of ${onPage} (with a search)`);
  if (matching !== null) parts.push(`${matching.toLocaleString("en-US")} match${pageOnly.length > 0 ? ` before the ${pageOnly.join(" and ")} filter` : ""}`);
  if (sortedOnPage) parts.push("sorted within the page");
  return `${parts.join(" · ")} · live`;
}

const sameFilter = (a: BoardFilter, b: BoardFilter) => a.search === b.search && a.stock === b.stock && a.category === b.category && a.location === b.location;

/** A headline count; `undefined` while the server counts. */
function Kpi({ label, value, tone, onClick }: { label: string; value: number | undefined; tone?: "low" | "out"; onClick?: () => void }) {
  const body = (
    <>
      <span className="admin-kpi__value">{value === undefined ? "…" : value.toLocaleString("en-US")}</span>
      <span className="admin-kpi__label">{label}</span>
    </>
  );
  return onClick ? (
    <button type="button" className={`admin-kpi admin-kpi--${tone}`} onClick={onClick} aria-label={`${label}: ${value ?? "counting"}. Show them`}>
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

function BoardLine({ row, locations, adjusting, onAdjust }: { row: BoardRow; locations: readonly StockLocation[]; adjusting: boolean; onAdjust: () => void }) {
  return (
    <tr aria-label={row.sku} className={row.productActive ? undefined : "is-inactive"}>
      <td className="mono">
        <Link to={`/admin/ledger?sku=${encodeURIComponent(row.sku)}`}>{row.sku}</Link>
      </td>
      <td>
        {row.productName}
        {!row.productActive && <span className="admin-muted"> · inactive</span>}
      </td>
      {locations.map(({ code }) => (
        <td key={code} className="num" data-column={`onhand-${code}`}>
          {onHandAt(row, code)}
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
