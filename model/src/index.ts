export * from "./catalog.js";
export * from "./collections.js";
export * from "./contract.js";
export * from "./inventory.js";
export * from "./money.js";
export * from "./roles.js";
export * from "./stock.js";
