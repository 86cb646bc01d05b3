/**
 * The cart lives in localStorage, per browser: a guest keeps it across reloads,
 * and because guests upgrade their anonymous account in place (same uid), it
 * stays theirs after sign-up. Other tabs follow through the `storage` event.
 * Prices here are only for display: the server prices every order.
 */
import { useSyncExternalStore } from "react";
import { MAX_LINE_QUANTITY, MAX_LINES } from "@showroom/model/labels";
import type { Currency } from "@showroom/model";

export interface CartLine {
  sku: string;
  productId: string;
  name: string;
  label: string;
  priceCents: number;
  currency: Currency;
  image?: string;
  quantity: number;
}

/**
 * Fields of the right types (plain checks: the header shows the cart on every
 * page, and zod stays off the first paint). The server validates every order.
 */
function isCartLine(value: unknown): value is CartLine {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.sku === "string" &&
    Number.isInteger(v.quantity) &&
    (v.quantity as number) >= 1 &&
    (v.quantity as number) <= MAX_LINE_QUANTITY &&
    typeof v.currency === "string" &&
    typeof v.productId === "string" &&
    typeof v.name === "string" &&
    typeof v.label === "string" &&
    typeof v.priceCents === "number" &&
    (v.image === undefined || typeof v.image === "string")
  );
}

const KEY = "showroom.cart.v1";
const EMPTY: CartLine[] = [];
let cached: { raw: string | null; lines: CartLine[] } = { raw: null, lines: EMPTY };

function read(): CartLine[] {
  const raw = localStorage.getItem(KEY);
  if (raw === cached.raw) return cached.lines;
  let lines = EMPTY;
  try {
    const parsed: unknown = JSON.parse(raw ?? "[]");
    lines = Array.isArray(parsed) ? parsed.filter(isCartLine) : EMPTY;
  } catch {
    // A corrupted cart is dropped rather than breaking the shop.
  }
  cached = { raw, lines };
  return lines;
}

const listeners = new Set<() => void>();

function write(lines: CartLine[]): void {
  localStorage.setItem(KEY, JSON.stringify(lines));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => e.key === KEY && listener();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function useCart(): CartLine[] {
  return useSyncExternalStore(subscribe, read, () => EMPTY);
}

export function findLine(sku: string): CartLine | undefined {
  return read().find((l) => l.sku === sku);
}

export function cartCount(lines: readonly CartLine[]): number {
  return lines.reduce((sum, l) => sum + l.quantity, 0);
}

/** Adds units of a SKU (merging with an existing line), capped at the per-line maximum. */
export function addToCart(line: CartLine): { ok: true } | { ok: false; reason: string } {
  const lines = read();
  const existing = lines.find((l) => l.sku === line.sku);
  if (!existing && lines.length >= MAX_LINES) return { ok: false, reason: `A cart holds up to ${MAX_LINES} different items.` };
  const quantity = Math.min(MAX_LINE_QUANTITY, (existing?.quantity ?? 0) + line.quantity);
  write(existing ? lines.map((l) => (l.sku === line.sku ? { ...line, quantity } : l)) : [...lines, { ...line, quantity }]);
  return { ok: true };
}

export function setQuantity(sku: string, quantity: number): void {
  if (quantity <= 0) return removeLine(sku);
  write(read().map((l) => (l.sku === sku ? { ...l, quantity: Math.min(MAX_LINE_QUANTITY, quantity) } : l)));
}

export function removeLine(sku: string): void {
  write(read().filter((l) => l.sku !== sku));
}

export function clearCart(): void {
  write([]);
}

export function cartTotalCents(lines: readonly CartLine[]): number {
  return lines.reduce((sum, l) => sum + l.priceCents * l.quantity, 0);
}
