/** Create or edit a product and its variants through `upsertProduct`; the form validates with the same schema first. */
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { doc } from "firebase/firestore";
import { Categories, CategoryLabels, Collections, CurrencySchema, UpsertProductInputSchema } from "@showroom/model";
import { db } from "../../../lib/firebase";
import { useLiveDoc } from "../../../lib/live";
import { staffErrorMessage, upsertProduct } from "../../../lib/admin/api/admin-callables";
import { parseProduct, type AdminProduct } from "../../../lib/admin/api/docs";
import { SelectField } from "../../../components/admin/filters";
import { LoadState, PageHeader } from "../../../components/admin/ui";

interface VariantDraft {
  key: number;
  sku: string;
  label: string;
  options: string;
  price: string;
}

const optionsText = (options: Record<string, string>) =>
  Object.entries(options)
    .map(([k, v]) => `${k}: ${v}`)
    .join(", ");

/** "fabric: velvet, colour: green" → { fabric: "velvet", colour: "green" }. */
function parseOptions(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split(",")
      .map((pair) => pair.split(":").map((s) => s.trim()))
      .filter((pair) => pair.length === 2 && pair[0] && pair[1]) as [string, string][],
  );
}

export function ProductEditor() {
  const { productId } = useParams();
  const product = useLiveDoc(productId ? doc(db, Collections.products, productId) : null, parseProduct);
  if (!productId) return <ProductForm key="new" product={null} />;
  if (product.status !== "ready") return <LoadState live={product} />;
  if (!product.data) return <p className="admin-empty">No product {productId}.</p>;
  return <ProductForm key={productId} product={product.data} />;
}

function ProductForm({ product }: { product: AdminProduct | null }) {
  const navigate = useNavigate();
  const [variants, setVariants] = useState<VariantDraft[]>(() =>
    (product?.variants ?? [{ sku: "", label: "", options: {}, priceCents: 0 }]).map((v, index) => ({
      key: index,
      sku: v.sku,
      label: v.label,
      options: optionsText(v.options),
      price: v.priceCents ? (v.priceCents / 100).toFixed(2) : "",
    })),
  );
  const [issues, setIssues] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const setVariant = (key: number, patch: Partial<VariantDraft>) => setVariants((list) => list.map((v) => (v.key === key ? { ...v, ...patch } : v)));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const lead = String(form.get("leadTimeDays") ?? "").trim();
    const parsed = UpsertProductInputSchema.safeParse({
      ...(product ? { id: product.id } : {}),
      name: String(form.get("name") ?? ""),
      category: form.get("category"),
      description: String(form.get("description") ?? ""),
      currency: form.get("currency"),
      ...(lead ? { leadTimeDays: Number(lead) } : {}),
      madeToOrder: form.get("madeToOrder") === "on",
      variants: variants.map((v) => ({
        sku: v.sku.trim().toUpperCase(),
        label: v.label.trim(),
        options: parseOptions(v.options),
        priceCents: Math.round(Number(v.price) * 100),
      })),
    });
    setSaved(null);
    if (!parsed.success) {
      setIssues(parsed.error.issues.map((i) => `${i.path.join(".") || "product"}: ${i.message}`));
      return;
    }
    setIssues([]);
    setBusy(true);
    try {
      const out = await upsertProduct(parsed.data);
      setSaved(`Saved ${parsed.data.name}.`);
      if (!product) void navigate(`/admin/products/${out.productId}`, { replace: true });
    } catch (error) {
      setIssues([staffErrorMessage(error)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={product ? `Edit ${product.name}` : "New product"}>
        <Link to="/admin/products">All products</Link>
      </PageHeader>
      <form className="admin-card admin-form" onSubmit={(e) => void submit(e)} aria-label="Product">
        <div className="admin-grid-2">
          <label className="admin-field">
            Name
            <input name="name" defaultValue={product?.name ?? ""} required maxLength={120} />
          </label>
          <SelectField
            label="Category"
            name="category"
            defaultValue={product?.category ?? "sofas"}
            options={Categories.map((c) => ({ value: c, label: CategoryLabels[c] }))}
          />
          <SelectField label="Currency" name="currency" defaultValue={product?.currency ?? "USD"} options={CurrencySchema.options.map((c) => ({ value: c }))} />
          <label className="admin-field">
            Lead time (days, made to order)
            <input name="leadTimeDays" type="number" min={1} max={365} />
          </label>
        </div>
        <label className="admin-field">
          Description
          <textarea name="description" rows={3} defaultValue={product?.description ?? ""} maxLength={4000} />
        </label>
        <label className="admin-check">
          <input name="madeToOrder" type="checkbox" /> Made to order (sells without stock)
        </label>
        <fieldset className="admin-fieldset">
          <legend>Variants</legend>
          {variants.map((v, i) => (
            <div key={v.key} className="admin-variant" role="group" aria-label={`Variant ${i + 1}`}>
              <label className="admin-field">
                SKU
                <input
                  value={v.sku}
                  onChange={(e) => setVariant(v.key, { sku: e.target.value })}
                  readOnly={Boolean(product?.variants.some((pv) => pv.sku === v.sku))}
                  required
                />
              </label>
              <label className="admin-field">
                Label
                <input value={v.label} onChange={(e) => setVariant(v.key, { label: e.target.value })} required />
              </label>
              <label className="admin-field admin-field--grow">
                Options
                <input value={v.options} onChange={(e) => setVariant(v.key, { options: e.target.value })} placeholder="fabric: velvet, colour: green" />
              </label>
              <label className="admin-field">
                Price
                <input
                  value={v.price}
                  onChange={(e) => setVariant(v.key, { price: e.target.value })}
                  inputMode="decimal"
                  className="admin-input--narrow"
                  required
                />
              </label>
              <button
                type="button"
                className="admin-link"
                disabled={variants.length === 1}
                onClick={() => setVariants((list) => list.filter((x) => x.key !== v.key))}
                aria-label={`Remove variant ${i + 1}`}
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            className="admin-button admin-button--small"
            onClick={() => setVariants((list) => [...list, { key: Math.max(0, ...list.map((x) => x.key)) + 1, sku: "", label: "", options: "", price: "" }])}
          >
            Add variant
          </button>
          <p className="admin-muted">New SKUs start with 0 on hand; receive stock on the Receiving page.</p>
        </fieldset>
        {issues.length > 0 && (
          <ul role="alert" className="admin-error">
            {issues.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        )}
        {saved && (
          <p role="status" className="admin-ok">
            {saved}
          </p>
        )}
        <button type="submit" className="admin-button admin-button--primary" disabled={busy}>
          {busy ? "Saving…" : "Save product"}
        </button>
      </form>
    </>
  );
}
