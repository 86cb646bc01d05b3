import { Categories, CategoryLabels } from "@showroom/model/labels";
import { MaterialOptions, SortLabels, SortOptions, type CatalogFilters, type Sort } from "../api/catalog-query";

/**
 * Filter and sort controls; every change goes straight to the URL, so results
 * are shareable. The controls are uncontrolled and the page remounts the form
 * when the URL changes: a controlled one would snap back to the old value
 * until the router's navigation (a transition) commits.
 */
export function CatalogFiltersForm({
  filters,
  showCategory,
  onChange,
}: {
  filters: CatalogFilters;
  showCategory: boolean;
  onChange: (next: CatalogFilters) => void;
}) {
  const dollars = (cents: number | null) => (cents === null ? "" : String(cents / 100));
  const cents = (text: string) => (text === "" || !Number.isFinite(Number(text)) ? null : Math.max(0, Math.round(Number(text) * 100)));
  return (
    <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      {showCategory && (
        <label>
          Category
          <select
            defaultValue={filters.category ?? ""}
            onChange={(e) => onChange({ ...filters, category: e.target.value === "" ? null : (e.target.value as CatalogFilters["category"]) })}
          >
            <option value="">All categories</option>
            {Categories.map((c) => (
              <option key={c} value={c}>
                {CategoryLabels[c]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Sort by
        <select defaultValue={filters.sort} onChange={(e) => onChange({ ...filters, sort: e.target.value as Sort })}>
          {SortOptions.map((s) => (
            <option key={s} value={s}>
              {SortLabels[s]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="filters__price">
        <legend>Price (USD)</legend>
        <label>
          Min price
          <input
            type="number"
            inputMode="numeric"
            min={0}
            step={10}
            defaultValue={dollars(filters.minCents)}
            onBlur={(e) => onChange({ ...filters, minCents: cents(e.target.value) })}
          />
        </label>
        <label>
          Max price
          <input
            type="number"
            inputMode="numeric"
            min={0}
            step={10}
            defaultValue={dollars(filters.maxCents)}
            onBlur={(e) => onChange({ ...filters, maxCents: cents(e.target.value) })}
          />
        </label>
      </fieldset>
      <label>
        Material
        <select defaultValue={filters.material ?? ""} onChange={(e) => onChange({ ...filters, material: e.target.value === "" ? null : e.target.value })}>
          <option value="">Any material</option>
          {MaterialOptions.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <div className="filters__check">
        <label>
          <input
            type="checkbox"
            defaultChecked={filters.inStockOnly}
            aria-describedby="in-stock-hint"
            onChange={(e) => onChange({ ...filters, inStockOnly: e.target.checked })}
          />
          In stock only
        </label>
        <p id="in-stock-hint" className="muted filters__hint">
          Ships now. Made-to-order and backorder pieces are left out.
        </p>
      </div>
    </form>
  );
}
