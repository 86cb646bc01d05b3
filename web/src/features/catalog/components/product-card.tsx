import { formatMoney, lowestPrice } from "@showroom/model";
import type { CatalogProduct } from "../api/use-catalog";

export function ProductCard({ product }: { product: CatalogProduct }) {
  const from = lowestPrice(product.variants);
  const hasRange = product.variants.some((v) => v.priceCents !== from);
  return (
    <article className="product-card" aria-label={product.name}>
      <img src={product.images[0]} alt="" width={400} height={300} loading="lazy" />
      <h3>{product.name}</h3>
      <p className="price">
        {hasRange ? "From " : ""}
        {formatMoney(from, product.currency)}
      </p>
      <p className="muted">
        {product.variants.length} option{product.variants.length === 1 ? "" : "s"}
      </p>
    </article>
  );
}
