import { lazy, Suspense, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { availabilityLabel, CategoryLabels, formatMoney, isSoldOutStatus, MAX_LINE_QUANTITY, type PublicStock, type Variant } from "@showroom/model";
import { Availability } from "../../../components/ui/availability";
import { NotFound } from "../../../components/ui/not-found";
import { ErrorNote, Loading } from "../../../components/ui/status";
import type { CatalogProduct } from "../../../lib/parse-live";
import { addToCart } from "../../cart";
import { isGeneratedIllustration, productIllustration } from "../api/swatch";
import { useVariantStock } from "../../../lib/use-variant-stock";
import { useProduct } from "../api/use-product";
import { VariantPicker } from "./variant-picker";
import { useAuthUser } from "../../../lib/auth";
import { NotifyMeButton } from "../../privacy";
import { ProductRating } from "../../feedback";

// Only sold-out and backorder pages ask, so the question is a chunk of its own, off the product page's first paint.
const SoldOutQuestion = lazy(() => import("../../site-questions").then((m) => ({ default: m.SoldOutQuestion })));

export function ProductPage() {
  const { productId = "" } = useParams();
  const product = useProduct(productId);
  if (product.status === "loading") return <Loading>Loading…</Loading>;
  if (product.status === "error") return <ErrorNote>We couldn’t load this piece. Please refresh the page.</ErrorNote>;
  if (!product.data || !product.data.active) return <NotFound />;
  return <ProductDetail product={product.data} />;
}

/** How many a shopper may add: what is available, unless the piece is made to order or backordered. */
function maxQuantity(stock: PublicStock | null | undefined): number {
  if (!stock || stock.status === "out_of_stock") return 0;
  if (stock.status === "made_to_order" || stock.status === "backorder") return MAX_LINE_QUANTITY;
  return Math.min(MAX_LINE_QUANTITY, stock.available);
}

function ProductDetail({ product }: { product: CatalogProduct }) {
  const [search, setSearch] = useSearchParams();
  const stock = useVariantStock(product.variants.map((v) => v.sku));
  const auth = useAuthUser();
  const uid = auth.status === "ready" ? (auth.user?.uid ?? null) : null;
  const selected = product.variants.find((v) => v.sku === search.get("sku")) ?? product.variants[0]!;
  const selectedIndex = product.variants.indexOf(selected);
  const selectedStock = stock[selected.sku];
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState<string | null>(null);
  const max = maxQuantity(selectedStock);
  const image = isGeneratedIllustration(product.images[0]) ? productIllustration(product, selectedIndex) : product.images[0];

  const select = (variant: Variant) => {
    setSearch({ sku: variant.sku }, { replace: true });
    setQuantity(1);
    setAdded(null);
  };
  const add = () => {
    const result = addToCart({
      sku: selected.sku,
      productId: product.id,
      name: product.name,
      label: selected.label,
      priceCents: selected.priceCents,
      currency: product.currency,
      ...(image ? { image } : {}),
      quantity: Math.min(quantity, max),
    });
    setAdded(result.ok ? `Added ${Math.min(quantity, max)} × ${product.name} (${selected.label}) to your cart.` : result.reason);
  };

  return (
    <article className="product-page" aria-labelledby="product-name">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/shop">Shop</Link> › <Link to={`/c/${product.category}`}>{CategoryLabels[product.category]}</Link> ›{" "}
        <span aria-current="page">{product.name}</span>
      </nav>
      <div className="product-page__grid">
        <div className="product-page__media">{image && <img src={image} alt={`${product.name}, ${selected.label}`} width={800} height={600} />}</div>
        <div className="product-page__info">
          <h1 id="product-name">{product.name}</h1>
          <p className="product-page__price" aria-label="Price">
            {formatMoney(selected.priceCents, product.currency)}
          </p>
          <ProductRating productId={product.id} />
          <Availability
            status={selectedStock?.status}
            label={selectedStock === undefined ? null : selectedStock ? availabilityLabel(selectedStock) : "Out of stock"}
          />
          <VariantPicker variants={product.variants} selected={selected} stock={stock} onSelect={select} />
          {selectedStock?.status === "out_of_stock" && <NotifyMeButton uid={uid} sku={selected.sku} label={selected.label} />}
          <div className="add-to-cart">
            <label>
              Quantity
              <select value={Math.min(quantity, Math.max(1, max))} onChange={(e) => setQuantity(Number(e.target.value))} disabled={max === 0}>
                {Array.from({ length: Math.max(1, Math.min(max, 10)) }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button button--primary" onClick={add} disabled={max === 0}>
              {max === 0 ? "Out of stock" : "Add to cart"}
            </button>
          </div>
          {isSoldOutStatus(selectedStock?.status) && (
            <Suspense fallback={null}>
              <SoldOutQuestion key={selected.sku} sku={selected.sku} />
            </Suspense>
          )}
          {added && (
            <p role="status" className="added-note">
              {added} <Link to="/cart">View cart</Link>
            </p>
          )}
          <p className="product-page__description">{product.description}</p>
          <dl className="specs">
            {product.dimensions && (
              <>
                <dt>Dimensions</dt>
                <dd>
                  W {product.dimensions.widthCm} × D {product.dimensions.depthCm} × H {product.dimensions.heightCm} cm
                </dd>
              </>
            )}
            {product.materials && product.materials.length > 0 && (
              <>
                <dt>Materials</dt>
                <dd>{product.materials.join(", ")}</dd>
              </>
            )}
            <dt>Option</dt>
            <dd>{selected.label}</dd>
          </dl>
        </div>
      </div>
    </article>
  );
}
