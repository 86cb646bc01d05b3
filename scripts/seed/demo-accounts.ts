import type { Role } from "@showroom/model";

export const DEMO_PASSWORD = "showroom-demo";

export const demoAccounts: { email: string; displayName: string; role: Role | null }[] = [
  { email: "admin@showroom.test", displayName: "Ada Admin", role: "admin" },
  { email: "staff@showroom.test", displayName: "Sam Staff", role: "staff" },
  { email: "shopper@showroom.test", displayName: "Sophie Shopper", role: null },
];
