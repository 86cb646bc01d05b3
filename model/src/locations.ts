/**
 * A store's stock locations are data: `locations/{code}` documents that admins
 * edit with `upsertLocation` / `deleteLocation`. Codes key the per-location
 * on hand in `inventory/{sku}.locations`, ledger entries, order allocations
 * and the REST API, so a code never changes once stock sits there.
 */
import { z } from "zod";

/** A lowercase slug of at most 24 characters: `main`, `east`, `showroom-nyc`. */
export const LocationCodeSchema = z
  .string()
  .max(24)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "A location code is a lowercase slug: letters, digits and single hyphens, e.g. showroom-nyc");
export type LocationCode = z.infer<typeof LocationCodeSchema>;
/** The name the rest of the model uses for a location's code. */
export type Location = LocationCode;

/** Where `adjustStock` puts a change that names no location (DESIGN: `location` defaults to `"main"`). */
export const DEFAULT_LOCATION: Location = "main";

export const LocationKinds = ["warehouse", "showroom"] as const;
export const LocationKindSchema = z.enum(LocationKinds);

/** `locations/{code}`: public read (the storefront may name a showroom), written only by functions. */
export const StockLocationSchema = z.strictObject({
  code: LocationCodeSchema,
  name: z.string().trim().min(1).max(80),
  kind: LocationKindSchema,
  /** Orders draw stock from active locations in rising `drawOrder` (ties by code). */
  drawOrder: z.number().int().min(0).max(1000),
  /** An inactive location takes no new stock and is drawn from only after every active one. */
  active: z.boolean(),
});
export type StockLocation = z.infer<typeof StockLocationSchema>;

/** The locations the seed writes: the two warehouses the store had when locations were fixed in code. */
export const SEED_LOCATIONS: readonly StockLocation[] = [
  { code: "main", name: "Main warehouse", kind: "warehouse", drawOrder: 0, active: true },
  { code: "east", name: "East warehouse", kind: "warehouse", drawOrder: 1, active: true },
];

export const UpsertLocationInputSchema = StockLocationSchema;
export type UpsertLocationInput = z.infer<typeof UpsertLocationInputSchema>;
export const UpsertLocationOutputSchema = z.object({ code: LocationCodeSchema, created: z.boolean() });

export const DeleteLocationInputSchema = z.strictObject({ code: LocationCodeSchema });
export const DeleteLocationOutputSchema = z.object({ code: LocationCodeSchema, deleted: z.literal(true) });

/** Active locations by `drawOrder`, then inactive ones: the order orders take stock in and the console lists them in. */
export function drawSequence(locations: Iterable<StockLocation>): StockLocation[] {
  return [...locations].sort((a, b) => Number(b.active) - Number(a.active) || a.drawOrder - b.drawOrder || a.code.localeCompare(b.code));
}

/** Why a stock write to `code` is refused, or null: the location must exist, and an inactive one only gives stock up. */
export function locationRefusal(locations: ReadonlyMap<string, StockLocation>, code: string, delta: number): "unknown-location" | "inactive-location" | null {
  const location = locations.get(code);
  if (!location) return "unknown-location";
  if (!location.active && delta > 0) return "inactive-location";
  return null;
}

/** A stored location: the same fields, plus what the writer stamps (`updatedAt`), which is dropped. */
const StoredLocationSchema = z.object(StockLocationSchema.shape);

/** `locations/{code}` → the location; the document's id is its code. Throws on bad data. */
export const parseLocationDoc = (code: string, data: unknown): StockLocation => StoredLocationSchema.parse({ ...(data as object), code });

/** The configured locations by code, from `locations` documents. */
export const locationsByCode = (docs: readonly { id: string; data: unknown }[]): Map<string, StockLocation> =>
  new Map(docs.map((doc) => [doc.id, parseLocationDoc(doc.id, doc.data)]));
