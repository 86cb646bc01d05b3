import { Link } from "react-router";
import { formatMoney, lowestPrice } from "@showroom/model/labels";
import type { ProductStock } from "@showroom/model";
import { Availability } from "../../../components/ui/availability";
import { bestAvailability, productAvailabilityLabel } from "../api/product-availability";
import type { CatalogCard } from "../api/products";

/** `stock` undefined: the live availability has not arrived yet. */
export function ProductCard({ product, stock }: { product: CatalogCard; stock: ProductStock | null | undefined }) {
  const from = lowestPrice(product.variants);
  const hasRange = product.variants.some((v) => v.priceCents !== from);
  const skus = product.variants.map((v) => v.sku);
  const known = stock !== undefined;
  return (
    <article className="product-card" aria-label={product.name}>
      <Link to={`/p/${product.id}`} className="product-card__link">
        <img src={product.images[0]} alt="" width={400} height={300} loading="lazy" />
        <h3>{product.name}</h3>
      </Link>
      <p className="price">
        {hasRange ? "From " : ""}
        {formatMoney(from, product.currency)}
      </p>
      <Availability status={known ? bestAvailability(skus, stock)?.status : undefined} label={known ? productAvailabilityLabel(skus, stock) : null} />
      <p className="muted">
        {product.variants.length} option{product.variants.length === 1 ? "" : "s"}
      </p>
    </article>
  );
}
