import { z } from "zod";

export const CurrencySchema = z.enum(["USD", "EUR", "GBP"]);
export type Currency = z.infer<typeof CurrencySchema>;
export const DEFAULT_CURRENCY: Currency = "USD";

/** Money is always integer minor units (cents) plus a currency code. */
export const CentsSchema = z.number().int().min(0).max(100_000_000);
export { formatMoney } from "./labels.js";
