/** What other features may use of inventory: the live counts and alerts the console's dashboard shows. */
export { useBoardCounts, useLowStockAlerts } from "./api/use-inventory-board";
