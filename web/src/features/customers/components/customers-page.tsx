/** Customer lookup by email through the audited `lookupCustomer` callable (rules alone cannot audit a read). */
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { formatMoney, type LookupCustomerOutput } from "@showroom/model";
import { callError } from "../../../lib/callables";
import { lookupCustomer, staffErrorMessage } from "../../../lib/admin/api/admin-callables";
import { AdminTable, OrderStatusBadge, PageHeader } from "../../../components/admin/ui";

export function CustomersPage() {
  const [result, setResult] = useState<LookupCustomerOutput | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    setBusy(true);
    setMessage(null);
    setResult(null);
    try {
      setResult(await lookupCustomer({ email }));
    } catch (error) {
      setMessage(callError(error).code === "not-found" ? `No customer with the email ${email}.` : staffErrorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title="Customers" />
      <form className="admin-filters" role="search" aria-label="Find a customer" onSubmit={(e) => void submit(e)}>
        <label className="admin-field admin-field--grow">
          Customer email
          <input name="email" type="email" required placeholder="name@example.com" />
        </label>
        <button type="submit" className="admin-button admin-button--primary" disabled={busy}>
          {busy ? "Looking up…" : "Look up"}
        </button>
      </form>
      <p className="admin-muted">Every lookup is recorded in the audit log with your name.</p>
      {message && (
        <p role="alert" className="admin-error">
          {message}
        </p>
      )}
      {result && (
        <div className="admin-grid-2">
          <section className="admin-card" aria-label="Profile">
            <h2>{result.customer.displayName ?? result.customer.email}</h2>
            <dl className="admin-dl">
              <dt>Email</dt>
              <dd>{result.customer.email}</dd>
              <dt>Phone</dt>
              <dd>{result.customer.phone ?? "—"}</dd>
              <dt>Customer since</dt>
              <dd>{result.customer.createdAt ? new Date(result.customer.createdAt).toLocaleDateString("en-US") : "—"}</dd>
              <dt>Marketing</dt>
              <dd>
                email {result.customer.marketing.email ? "yes" : "no"} · sms {result.customer.marketing.sms ? "yes" : "no"}
              </dd>
              <dt>Addresses</dt>
              <dd>{result.customer.addresses.length}</dd>
              <dt>User id</dt>
              <dd className="mono">{result.customer.uid}</dd>
            </dl>
          </section>
          <section className="admin-card" aria-label="Customer orders">
            <h2>Orders ({result.orders.length})</h2>
            {result.orders.length === 0 ? (
              <p className="admin-empty">No orders.</p>
            ) : (
              <AdminTable label="Orders" columns={["Order", "Placed", { heading: "Total", numeric: true }, "Status"]}>
                {result.orders.map((o) => (
                  <tr key={o.orderId}>
                    <td className="mono">
                      <Link to={`/admin/orders/${o.orderId}`}>{o.orderId}</Link>
                    </td>
                    <td>{o.createdAt ? new Date(o.createdAt).toLocaleString("en-US") : "—"}</td>
                    <td className="num">{formatMoney(o.totalCents, o.currency)}</td>
                    <td>
                      <OrderStatusBadge status={o.status} />
                    </td>
                  </tr>
                ))}
              </AdminTable>
            )}
          </section>
        </div>
      )}
    </>
  );
}
