/** What other features may use of the account: the customer's profile, live, and its writes. */
export { saveProfile, useCustomer } from "./api/customer";
