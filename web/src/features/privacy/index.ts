/** What other features may use of privacy: the account page's sections, the product page's alert button, the profile sync at sign-in. */
export { syncMyProfile } from "./api/account-data";
export { DataExportSection } from "./components/data-export-button";
export { DeleteAccountSection } from "./components/delete-account-section";
export { NotificationsList } from "./components/notifications-list";
export { NotifyMeButton } from "./components/notify-me-button";
