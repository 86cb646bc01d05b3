import { NavLink, useParams } from "react-router";
import { Categories, CategoryLabels, CategorySchema } from "@showroom/model";
import { useCatalog } from "../api/use-catalog";
import { ProductCard } from "./product-card";
import { NotFound } from "../../../components/ui/not-found";

export function CatalogPage() {
  const params = useParams();
  const parsed = params.category === undefined ? null : CategorySchema.safeParse(params.category);
  if (parsed && !parsed.success) return <NotFound />;
  const category = parsed?.data ?? null;
  return <Catalog key={category ?? "all"} category={category} />;
}

function Catalog({ category }: { category: (typeof Categories)[number] | null }) {
  const catalog = useCatalog(category);
  return (
    <section className="catalog">
      <nav aria-label="Categories" className="category-nav">
        <NavLink to="/" end>
          All
        </NavLink>
        {Categories.map((c) => (
          <NavLink key={c} to={`/c/${c}`}>
            {CategoryLabels[c]}
          </NavLink>
        ))}
      </nav>
      <h1>{category ? CategoryLabels[category] : "All furniture & decor"}</h1>
      {catalog.status === "loading" && <p role="status">Loading the collection…</p>}
      {catalog.status === "error" && <p role="alert">We couldn’t load the catalog. Please refresh.</p>}
      {catalog.status === "ready" &&
        (catalog.data.length === 0 ? (
          <p>Nothing here yet.</p>
        ) : (
          <div className="product-grid">
            {catalog.data.map((product) => (
              <ProductCard key={product.id} product={product} />
            ))}
          </div>
        ))}
    </section>
  );
}
