import { Link } from "react-router";
import { formatMoney } from "@showroom/model";
import { Empty } from "../../../components/ui/status";
import { useVariantStock } from "../../../lib/use-variant-stock";
import { cartTotalCents, useCart } from "../api/cart-store";
import { lineProblem } from "../api/line-problem";
import { CartLineRow } from "./cart-line-row";

export function CartPage() {
  const lines = useCart();
  const stock = useVariantStock(lines.map((l) => l.sku));
  if (lines.length === 0) {
    return (
      <section className="cart">
        <h1>Your cart</h1>
        <Empty title="Your cart is empty">
          <p>
            <Link to="/shop">Browse the collection</Link> — your cart is kept on this device, even before you sign in.
          </p>
        </Empty>
      </section>
    );
  }
  const blocked = lines.some((l) => lineProblem(l.quantity, stock[l.sku]) !== null);
  const currency = lines[0]!.currency;
  return (
    <section className="cart">
      <h1>Your cart</h1>
      <ul className="cart-lines" aria-label="Cart lines">
        {lines.map((line) => (
          <CartLineRow key={line.sku} line={line} stock={stock[line.sku]} />
        ))}
      </ul>
      <aside className="cart-summary" aria-label="Summary">
        <p>
          Subtotal <strong>{formatMoney(cartTotalCents(lines), currency)}</strong>
        </p>
        <p className="muted">Delivery and the final total are confirmed at checkout.</p>
        {blocked ? (
          <p role="status">Fix the highlighted items to continue.</p>
        ) : (
          <Link to="/checkout" className="button button--primary">
            Checkout
          </Link>
        )}
      </aside>
    </section>
  );
}
