import { z } from "zod";

export const CurrencySchema = z.enum(["USD", "EUR", "GBP"]);
export type Currency = z.infer<typeof CurrencySchema>;
export const DEFAULT_CURRENCY: Currency = "USD";

/** Money is always integer minor units (cents) plus a currency code. */
export const CentsSchema = z.number().int().min(0).max(100_000_000);

export function formatMoney(cents: number, currency: Currency, locale = "en-US"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100);
}
