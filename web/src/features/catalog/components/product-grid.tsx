import type { ProductStock } from "@showroom/model";
import type { CatalogCard } from "../api/products";
import { ProductCard } from "./product-card";

export function ProductGrid({ products, stock, label }: { products: CatalogCard[]; stock: Record<string, ProductStock | null | undefined>; label: string }) {
  return (
    <div className="product-grid" role="list" aria-label={label}>
      {products.map((product) => (
        <div role="listitem" key={product.id}>
          <ProductCard product={product} stock={stock[product.id]} />
        </div>
      ))}
    </div>
  );
}
