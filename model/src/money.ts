import { z } from "zod";
import { Currencies, type Currency } from "./labels.js";

export type { Currency } from "./labels.js";
export const CurrencySchema = z.enum(Currencies);
export const DEFAULT_CURRENCY: Currency = "USD";

/** Money is always integer minor units (cents) plus a currency code. */
export const CentsSchema = z.number().int().min(0).max(100_000_000);
export { formatMoney } from "./labels.js";
