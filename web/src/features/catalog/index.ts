// The catalog's public entry: what the product page reuses of it (both paint from a REST read).
export { parseCatalogCard, type CatalogCard } from "./api/products";
