/** What other features may use of sign-in (the staff console signs staff in with it). */
export { authErrorMessage, signIn } from "./api/auth-actions";
