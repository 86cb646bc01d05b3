/** Order totals from catalog prices, in integer minor units. */
import { CentsSchema } from "./money.js";

export interface PricedLine {
  quantity: number;
  unitPriceCents: number;
}

export function lineTotal(line: PricedLine): number {
  return line.unitPriceCents * line.quantity;
}

/** The order total, or null if it would not fit `CentsSchema` (the order is refused). */
export function orderTotal(lines: readonly PricedLine[]): number | null {
  const total = lines.reduce((sum, line) => sum + lineTotal(line), 0);
  return CentsSchema.safeParse(total).success ? total : null;
}
