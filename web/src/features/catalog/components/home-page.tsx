import { Link } from "react-router";
import { Categories, CategoryLabels } from "@showroom/model/labels";
import { ErrorNote, Loading } from "../../../components/ui/status";
import { useFeatured } from "../api/use-featured";
import { useLiveAvailability } from "../api/use-live-availability";
import { ProductGrid } from "./product-grid";

const CATEGORY_BLURBS: Record<(typeof Categories)[number], string> = {
  sofas: "Deep seats, removable covers",
  chairs: "Dining, lounge and desk",
  tables: "Solid wood and stone",
  beds: "Frames built for decades",
  storage: "Sideboards to shelving",
  lighting: "Warm light, every room",
  rugs: "Hand-woven wool and jute",
  decor: "Vases, mirrors, cushions",
};

export function HomePage() {
  const featured = useFeatured();
  const products = featured.status === "ready" ? featured.data : [];
  const stock = useLiveAvailability(products.map((p) => p.id));
  return (
    <>
      <section className="hero">
        <div>
          <p className="eyebrow">New season collection</p>
          <h1>Furniture made to be lived with</h1>
          <p>Solid wood, honest fabrics and stock you can trust: what you see available is what we can ship.</p>
          <Link to="/shop" className="button button--primary">
            Shop the collection
          </Link>
        </div>
      </section>
      <section aria-labelledby="featured-heading">
        <h2 id="featured-heading">Featured pieces</h2>
        {featured.status === "loading" && <Loading>Loading featured pieces…</Loading>}
        {featured.status === "error" && <ErrorNote>We couldn’t load the featured pieces. Please refresh the page.</ErrorNote>}
        {featured.status === "ready" && <ProductGrid products={products} stock={stock} label="Featured pieces" />}
      </section>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">Shop by room and piece</h2>
        <ul className="category-tiles">
          {Categories.map((c) => (
            <li key={c}>
              <Link to={`/c/${c}`}>
                <strong>{CategoryLabels[c]}</strong>
                <span>{CATEGORY_BLURBS[c]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
