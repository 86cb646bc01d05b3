import { z } from "zod";

/** Custom claim `role`. No claim means shopper. Admin can do all staff can. */
export const RoleSchema = z.enum(["staff", "admin"]);
export type Role = z.infer<typeof RoleSchema>;

export function isStaffRole(role: unknown): boolean {
  return role === "staff" || role === "admin";
}
