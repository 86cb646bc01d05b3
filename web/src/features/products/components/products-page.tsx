/** Products, live: search, open to edit, take on or off the storefront. */
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { CategoryLabels, formatMoney } from "@showroom/model";
import { setProductActive, staffErrorMessage } from "../../../lib/admin/api/admin-callables";
import { useProducts } from "../api/use-products";
import { ACTIONS, AdminTable, LoadState, PageHeader } from "../../../components/admin/ui";

export function ProductsPage() {
  const products = useProducts();
  const [search, setSearch] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const visible = useMemo(() => {
    if (products.status !== "ready") return [];
    const s = search.trim().toLowerCase();
    return products.data
      .filter((p) => !s || p.name.toLowerCase().includes(s) || p.variants.some((v) => v.sku.toLowerCase().includes(s)))
      .toSorted((a, b) => a.name.localeCompare(b.name));
  }, [products, search]);

  async function toggle(productId: string, active: boolean) {
    setBusy(productId);
    setError(null);
    try {
      await setProductActive({ productId, active });
    } catch (e) {
      setError(staffErrorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <PageHeader title="Products">
        <Link className="admin-button admin-button--primary" to="/admin/products/new">
          New product
        </Link>
      </PageHeader>
      <div className="admin-filters">
        <label className="admin-field admin-field--grow">
          Search
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name or SKU" />
        </label>
      </div>
      {error && (
        <p role="alert" className="admin-error">
          {error}
        </p>
      )}
      {products.status !== "ready" ? (
        <LoadState live={products} />
      ) : (
        <div className="admin-table-wrap">
          <AdminTable
            label="Products"
            columns={["Name", "Category", { heading: "Variants", numeric: true }, { heading: "From", numeric: true }, "Storefront", ACTIONS]}
          >
            {visible.map((p) => (
              <tr key={p.id} aria-label={p.name} className={p.active ? undefined : "is-inactive"}>
                <td>
                  <Link to={`/admin/products/${p.id}`}>{p.name}</Link>
                </td>
                <td>{CategoryLabels[p.category] ?? p.category}</td>
                <td className="num">{p.variants.length}</td>
                <td className="num">{p.priceFromCents === null ? "—" : formatMoney(p.priceFromCents, p.currency)}</td>
                <td>
                  {p.active ? (
                    <span className="admin-status admin-status--in_stock">Active</span>
                  ) : (
                    <span className="admin-status admin-status--out_of_stock">Inactive</span>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="admin-button admin-button--small"
                    disabled={busy === p.id}
                    onClick={() => void toggle(p.id, !p.active)}
                    aria-label={`${p.active ? "Deactivate" : "Activate"} ${p.name}`}
                  >
                    {p.active ? "Deactivate" : "Activate"}
                  </button>
                </td>
              </tr>
            ))}
          </AdminTable>
        </div>
      )}
    </>
  );
}
