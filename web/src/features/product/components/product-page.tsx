import { lazy, Suspense, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { availabilityLabel, CategoryLabels, formatMoney, isSoldOutStatus, MAX_LINE_QUANTITY } from "@showroom/model/labels";
import type { Variant } from "@showroom/model";
import { Availability } from "../../../components/ui/availability";
import { NotFound } from "../../../components/ui/not-found";
import { ErrorNote, Loading } from "../../../components/ui/status";
import { withLive } from "../../../lib/live-state";
import { useVariantStock } from "../../../lib/use-variant-stock";
import { addToCart } from "../../cart";
import { ProductRating } from "../../feedback";
import type { ProductView, SkuAvailability } from "../api/first-read";
import { isGeneratedIllustration, productIllustration } from "../api/swatch";
import { useLiveProduct, useProductFirstRead, type FirstRead } from "../api/use-product";
import { VariantPicker } from "./variant-picker";

// The page paints from a REST read and its live reads load the SDK after paint. The parts that need more of it
// (Auth, callables, writes) are chunks of their own, loaded only where they show: the on-site question on sold-out
// and backorder pages, the back-in-stock alert for a sold-out variant.
const SoldOutQuestion = lazy(() => import("../../site-questions").then((m) => ({ default: m.SoldOutQuestion })));
const BackInStock = lazy(() => import("./back-in-stock").then((m) => ({ default: m.BackInStock })));

export function ProductPage() {
  const { productId = "" } = useParams();
  const first = useProductFirstRead(productId);
  if (first.status === "loading") return <Loading>Loading…</Loading>;
  if (first.status === "error") return <ErrorNote>We couldn’t load this piece. Please refresh the page.</ErrorNote>;
  return <LiveProduct productId={productId} first={first.data} />;
}

function LiveProduct({ productId, first }: { productId: string; first: FirstRead }) {
  const product = useLiveProduct(productId, first.product);
  if (!product || !product.active) return <NotFound />;
  return <ProductDetail product={product} first={first} />;
}

/** How many a shopper may add: what is available, unless the piece is made to order or backordered. */
function maxQuantity(stock: SkuAvailability | null | undefined): number {
  if (!stock || stock.status === "out_of_stock") return 0;
  if (stock.status === "made_to_order" || stock.status === "backorder") return MAX_LINE_QUANTITY;
  return Math.min(MAX_LINE_QUANTITY, stock.available);
}

function ProductDetail({ product, first }: { product: ProductView; first: FirstRead }) {
  const [search, setSearch] = useSearchParams();
  const stock = withLive(first.stock, useVariantStock(product.variants.map((v) => v.sku)));
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
          <ProductRating productId={product.id} firstRead={first.rating} />
          <Availability
            status={selectedStock?.status}
            label={selectedStock === undefined ? null : selectedStock ? availabilityLabel(selectedStock) : "Out of stock"}
          />
          <VariantPicker variants={product.variants} selected={selected} stock={stock} onSelect={select} />
          {selectedStock?.status === "out_of_stock" && (
            <Suspense fallback={null}>
              <BackInStock sku={selected.sku} label={selected.label} />
            </Suspense>
          )}
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
