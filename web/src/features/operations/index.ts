/** The Operations page (stock-drift alerts and the reconcile), the console's entry into this feature. */
export { OperationsPage } from "./components/operations-page";
