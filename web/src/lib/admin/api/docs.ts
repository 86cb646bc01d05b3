/**
 * Staff-side document parsing: Firestore data → plain typed rows. Timestamps
 * become milliseconds here (a pending server timestamp reads as null until the
 * server confirms; "now" is the honest estimate meanwhile).
 */
import { Timestamp, type DocumentData } from "firebase/firestore";
import { parseInventoryDoc, parseStockDoc } from "@showroom/model";
import type {
  BoardProduct,
  Category,
  Currency,
  InventoryState,
  LedgerReason,
  Location,
  OrderLine,
  OrderStatus,
  ShippingAddress,
  StockStatus,
  Variant,
} from "@showroom/model";

export const millis = (value: unknown): number => (value instanceof Timestamp ? value.toMillis() : Date.now());

const record = (data: unknown): DocumentData => (typeof data === "object" && data !== null ? (data as DocumentData) : {});

export const parseInventory = (data: unknown, id: string): InventoryState => parseInventoryDoc(id, data);

/** `stock/{sku}`, the public view: what the board's stock filters and the dashboard's alerts read. */
export interface StockRow {
  sku: string;
  productId: string;
  available: number;
  status: StockStatus;
  lowStockThreshold: number;
}

export const parseStock = (data: unknown, id: string): StockRow => parseStockDoc(id, data);

export interface AdminProduct extends BoardProduct {
  id: string;
  description: string;
  variants: Variant[];
  currency: Currency;
  priceFromCents: number | null;
}

export function parseProduct(data: unknown, id: string): AdminProduct {
  const d = record(data);
  return {
    id,
    name: String(d.name ?? id),
    category: d.category as Category,
    active: d.active === true,
    description: String(d.description ?? ""),
    variants: (d.variants ?? []) as Variant[],
    currency: (d.currency ?? "USD") as Currency,
    priceFromCents: typeof d.priceFromCents === "number" ? d.priceFromCents : null,
  };
}

export interface LedgerRow {
  id: string;
  sku: string;
  location: Location;
  delta: number;
  reason: LedgerReason;
  actorUid: string;
  orderId?: string;
  receiptId?: string;
  note?: string;
  before: number;
  after: number;
  atMs: number;
}

export function parseLedger(data: unknown, id: string): LedgerRow {
  const d = record(data);
  return {
    id,
    sku: String(d.sku),
    location: d.location as Location,
    delta: Number(d.delta),
    reason: d.reason as LedgerReason,
    actorUid: String(d.actorUid ?? ""),
    ...(d.orderId ? { orderId: String(d.orderId) } : {}),
    ...(d.receiptId ? { receiptId: String(d.receiptId) } : {}),
    ...(d.note ? { note: String(d.note) } : {}),
    before: Number(d.before ?? 0),
    after: Number(d.after ?? 0),
    atMs: millis(d.at),
  };
}

export interface AuditRow {
  id: string;
  actorUid: string;
  actorRole: string | null;
  action: string;
  target: { kind: string; id: string };
  before: unknown;
  after: unknown;
  note?: string;
  atMs: number;
}

export function parseAudit(data: unknown, id: string): AuditRow {
  const d = record(data);
  const target = record(d.target);
  return {
    id,
    actorUid: String(d.actorUid ?? ""),
    actorRole: typeof d.actorRole === "string" ? d.actorRole : null,
    action: String(d.action ?? ""),
    target: { kind: String(target.kind ?? ""), id: String(target.id ?? "") },
    before: d.before,
    after: d.after,
    ...(d.note ? { note: String(d.note) } : {}),
    atMs: millis(d.at),
  };
}

export interface OrderRow {
  id: string;
  uid: string;
  lines: OrderLine[];
  totalCents: number;
  currency: Currency;
  status: OrderStatus;
  shipping: ShippingAddress;
  cancelReason?: string;
  createdAtMs: number;
  statusHistory: { status: OrderStatus; by: string; atMs: number }[];
}

export function parseOrder(data: unknown, id: string): OrderRow {
  const d = record(data);
  return {
    id,
    uid: String(d.uid ?? ""),
    lines: (d.lines ?? []) as OrderLine[],
    totalCents: Number(d.totalCents ?? 0),
    currency: (d.currency ?? "USD") as Currency,
    status: d.status as OrderStatus,
    shipping: record(d.shipping) as ShippingAddress,
    ...(d.cancelReason ? { cancelReason: String(d.cancelReason) } : {}),
    createdAtMs: millis(d.createdAt),
    statusHistory: ((d.statusHistory ?? []) as unknown[]).map((raw) => {
      const h = record(raw);
      return { status: h.status as OrderStatus, by: String(h.by ?? ""), atMs: millis(h.at) };
    }),
  };
}
