/** What other features may use of locations: the live list in draw order (board columns, filters, pickers). */
export { useLocations } from "./api/locations";
