import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { formatMoney } from "@showroom/model";
import { Empty, ErrorNote, Loading } from "../../../components/ui/status";
import { callError } from "../../../lib/callables";
import { ensureShopper } from "../../../lib/auth";
import { cartTotalCents, clearCart, useCart } from "../../cart";
import { correctCart } from "../api/correct-cart";
import { attemptKey, endAttempt, placeOrder } from "../api/place-order";
import { useShippingForm } from "../api/saved-addresses";
import { parseShipping, remainingErrors, type ShippingField } from "../../../lib/shipping-form";
import { cartSignature, useHold } from "../api/use-hold";
import { HoldCountdown } from "./hold-countdown";
import { SavedAddressPicker } from "./saved-address-picker";
import { ShippingFieldsInputs } from "../../../components/ui/shipping-fields";

export function CheckoutPage() {
  const lines = useCart();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(null);
  const form = useShippingForm();
  const [errors, setErrors] = useState<Partial<Record<ShippingField, string>>>({});
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { hold, retry, consume } = useHold(lines, setNotice);

  if (lines.length === 0) {
    return (
      <section className="checkout">
        <h1>Checkout</h1>
        {notice && (
          <p role="alert" className="notice">
            {notice}
          </p>
        )}
        <Empty title="Your cart is empty">
          <p>
            <Link to="/shop">Browse the collection</Link>
          </p>
        </Empty>
      </section>
    );
  }

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (submitting) return;
    setFailure(null);
    const parsed = parseShipping(form.values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setSubmitting(true);
    const holdId = hold.status === "held" ? hold.hold.holdId : undefined;
    try {
      await ensureShopper();
      const order = await placeOrder({
        idempotencyKey: attemptKey(cartSignature(lines)),
        lines: lines.map(({ sku, quantity }) => ({ sku, quantity })),
        shipping: parsed.shipping,
        ...(holdId ? { holdId } : {}),
      });
      if (holdId) consume(holdId);
      endAttempt();
      await navigate(`/orders/${order.orderId}?placed=1`);
      clearCart();
    } catch (error) {
      const err = callError(error);
      const corrected = correctCart(err);
      if (corrected) setNotice(corrected);
      else if (err.code === "failed-precondition" && err.details.reason === "hold-expired") {
        setNotice("Your hold expired — we’re holding your items again. Please place your order once more.");
        retry();
      } else if (err.code === "invalid-argument") setFailure("Please check your delivery details and try again.");
      else if (err.code === "resource-exhausted") {
        const wait = typeof err.details.retryAfterSeconds === "number" ? ` in ${Math.ceil(err.details.retryAfterSeconds)} s` : " in a minute";
        setFailure(`Too many orders in a short time. Please try again${wait}; nothing was charged.`);
      } else setFailure("We couldn’t place your order just now. Nothing was charged; press “Place order” again — you won’t be charged twice.");
    } finally {
      setSubmitting(false);
    }
  };

  const currency = lines[0]!.currency;
  return (
    <section className="checkout">
      <h1>Checkout</h1>
      {notice && (
        <p role="alert" className="notice">
          {notice}
        </p>
      )}
      <div className="checkout__grid">
        <form className="checkout__form" onSubmit={submit} noValidate aria-labelledby="delivery-heading">
          <h2 id="delivery-heading">Delivery address</h2>
          {form.addresses.length > 0 && (
            <SavedAddressPicker
              addresses={form.addresses}
              selectedId={form.selectedId}
              onChoose={(id) => {
                setErrors({});
                form.choose(id);
              }}
            />
          )}
          <ShippingFieldsInputs
            idPrefix="ship"
            values={form.values}
            errors={errors}
            onChange={(next) => {
              setErrors(remainingErrors(errors, form.values, next));
              form.edit(next);
            }}
          />
          {Object.keys(errors).length > 0 && <ErrorNote>Please check the highlighted fields.</ErrorNote>}
          {failure && <ErrorNote>{failure}</ErrorNote>}
          <button type="submit" className="button button--primary" disabled={submitting || hold.status === "holding"} aria-busy={submitting}>
            {submitting ? "Placing your order…" : "Place order"}
          </button>
        </form>
        <aside className="checkout__summary" aria-label="Order summary">
          <h2>Your order</h2>
          {hold.status === "holding" && <Loading>Reserving your items…</Loading>}
          {hold.status === "held" && <HoldCountdown expiresAt={hold.hold.expiresAt} onExpiredRetry={retry} />}
          {hold.status === "error" && (
            <div role="alert" className="hold hold--expired">
              <p>{hold.message}</p>
              <button type="button" onClick={retry}>
                Try again
              </button>
            </div>
          )}
          <ul className="summary-lines">
            {lines.map((l) => (
              <li key={l.sku}>
                <span>
                  {l.quantity} × {l.name}
                  <span className="muted"> — {l.label}</span>
                </span>
                <span>{formatMoney(l.priceCents * l.quantity, l.currency)}</span>
              </li>
            ))}
          </ul>
          <p className="summary-total">
            Total <strong>{formatMoney(cartTotalCents(lines), currency)}</strong>
          </p>
          <p className="muted">Delivery is free. The total is confirmed when you place the order.</p>
        </aside>
      </div>
    </section>
  );
}
