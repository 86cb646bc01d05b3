import { Link } from "react-router";
import { availabilityLabel, formatMoney, MAX_LINE_QUANTITY, type PublicStock } from "@showroom/model";
import { Availability } from "../../../components/ui/availability";
import { removeLine, setQuantity, type CartLine } from "../api/cart-store";
import { lineProblem } from "../api/line-problem";

/** A cart line with its live availability and, when it can no longer be bought as is, a one-click fix. */
export function CartLineRow({ line, stock }: { line: CartLine; stock: PublicStock | null | undefined }) {
  const problem = lineProblem(line.quantity, stock);
  return (
    <li className={`cart-line${problem ? " has-problem" : ""}`} aria-label={`${line.name}, ${line.label}`}>
      {line.image ? <img src={line.image} alt="" width={120} height={90} /> : <span className="cart-line__placeholder" />}
      <div className="cart-line__info">
        <Link to={`/p/${line.productId}?sku=${encodeURIComponent(line.sku)}`}>
          <strong>{line.name}</strong>
        </Link>
        <span className="muted">{line.label}</span>
        {stock !== undefined && <Availability status={stock?.status} label={stock ? availabilityLabel(stock) : "No longer available"} />}
        {problem && (
          <div role="alert" className="cart-line__problem">
            {problem.kind === "sold-out" ? (
              <>
                <span>Sold out while in your cart.</span>
                <button type="button" onClick={() => removeLine(line.sku)}>
                  Remove {line.name}
                </button>
              </>
            ) : (
              <>
                <span>
                  Only {problem.available} left — you have {line.quantity} in your cart.
                </span>
                <button type="button" onClick={() => setQuantity(line.sku, problem.available)}>
                  Change to {problem.available}
                </button>
              </>
            )}
          </div>
        )}
      </div>
      <label className="cart-line__qty">
        <span className="visually-hidden">Quantity of {line.name}</span>
        <input
          type="number"
          min={1}
          max={MAX_LINE_QUANTITY}
          value={line.quantity}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 1) setQuantity(line.sku, n);
          }}
        />
      </label>
      <span className="cart-line__total">{formatMoney(line.priceCents * line.quantity, line.currency)}</span>
      <button type="button" className="link-button" onClick={() => removeLine(line.sku)} aria-label={`Remove ${line.name} from cart`}>
        Remove
      </button>
    </li>
  );
}
