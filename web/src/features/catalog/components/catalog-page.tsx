import { NavLink, useNavigate, useParams, useSearchParams } from "react-router";
import { Categories, CategoryLabels } from "@showroom/model/labels";
import type { Category } from "@showroom/model";
import { NotFound } from "../../../components/ui/not-found";
import { Pager } from "../../../components/ui/pager";
import { Empty, ErrorNote, Loading } from "../../../components/ui/status";
import { config } from "../../../config/env";
import { filtersToSearch, parseFilters, type CatalogFilters } from "../api/catalog-query";
import { useCatalogPage } from "../api/use-catalog-page";
import { useLiveAvailability } from "../api/use-live-availability";
import { CatalogFiltersForm } from "./catalog-filters";
import { ProductGrid } from "./product-grid";

/** `/shop`, `/c/:category` and `/search?q=`: one page of products with filters, sort and pagination. */
export function CatalogPage() {
  const params = useParams();
  const category = Categories.find((c) => c === params.category) ?? null;
  if (params.category !== undefined && !category) return <NotFound />;
  return <Catalog category={category} />;
}

function Catalog({ category }: { category: Category | null }) {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const filters = parseFilters(search, category);
  const inPath = category !== null;
  const onChange = (next: CatalogFilters) => {
    const path = inPath && next.category ? `/c/${next.category}` : next.q ? "/search" : "/shop";
    void navigate(`${path}${filtersToSearch(next, !(inPath && next.category))}`);
  };
  const title = filters.q ? `Results for “${filters.q}”` : filters.category ? CategoryLabels[filters.category] : "All furniture & decor";
  return (
    <section className="catalog">
      <nav aria-label="Categories" className="category-nav">
        <NavLink to="/shop" end>
          All
        </NavLink>
        {Categories.map((c) => (
          <NavLink key={c} to={`/c/${c}`}>
            {CategoryLabels[c]}
          </NavLink>
        ))}
      </nav>
      <h1>{title}</h1>
      <div className="catalog__body">
        <CatalogFiltersForm key={filtersToSearch(filters, true)} filters={filters} showCategory={!inPath} onChange={onChange} />
        <CatalogResults filters={filters} />
      </div>
    </section>
  );
}

function CatalogResults({ filters }: { filters: CatalogFilters }) {
  const catalog = useCatalogPage(filters);
  const products = catalog.page.status === "ready" ? catalog.page.data.products : [];
  const stock = useLiveAvailability(products.map((p) => p.id));
  if (catalog.page.status === "loading") return <Loading>Loading the collection…</Loading>;
  if (catalog.page.status === "error") return <ErrorNote>We couldn’t load the catalog. Please refresh the page.</ErrorNote>;
  const first = catalog.pageIndex * config.catalogPageSize + 1;
  return (
    <div className="catalog__results">
      <p className="muted" role="status">
        {catalog.total === null ? "" : catalog.total === 0 ? "No pieces match." : `Showing ${first}–${first + products.length - 1} of ${catalog.total}`}
      </p>
      {products.length === 0 ? (
        <Empty title="Nothing matches those filters">
          <p>Try a wider price range, another material, or clear the search.</p>
        </Empty>
      ) : (
        <ProductGrid products={products} stock={stock} label="Products" />
      )}
      <Pager
        label="Pages"
        className="pagination"
        hasPrevious={catalog.hasPrevious}
        hasNext={catalog.hasNext}
        onPrevious={catalog.previous}
        onNext={catalog.next}
      >
        <span>Page {catalog.pageIndex + 1}</span>
      </Pager>
    </div>
  );
}
