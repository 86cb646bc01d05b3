/** What other features may use of orders: the shopper's own orders, live, and their status words. */
export { OrderStatusLabels, useMyOrders } from "./api/use-orders";
