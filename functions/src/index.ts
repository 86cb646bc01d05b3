// Declares the deployed functions; each lives in its domain folder.
export { setUserRoleCallable as setUserRole } from "./staff/set-user-role.js";
