import type { ReactNode } from "react";
import { NavLink } from "react-router";
import { signOut } from "../../../lib/auth";
import type { StaffSessionReady } from "./staff-guard";

const sections = [
  { to: "/admin", label: "Dashboard", end: true },
  { to: "/admin/inventory", label: "Inventory" },
  { to: "/admin/receiving", label: "Receiving" },
  { to: "/admin/locations", label: "Locations" },
  { to: "/admin/orders", label: "Orders" },
  { to: "/admin/products", label: "Products" },
  { to: "/admin/customers", label: "Customers" },
  { to: "/admin/ledger", label: "Stock ledger" },
  { to: "/admin/audit", label: "Audit log" },
  { to: "/admin/operations", label: "Operations" },
  { to: "/admin/feedback", label: "Survey results", end: true },
  { to: "/admin/feedback/tasks", label: "Feedback tasks" },
  { to: "/admin/feedback/demand", label: "Demand" },
];

export function AdminLayout({ session, children }: { session: StaffSessionReady; children: ReactNode }) {
  return (
    <div className="admin">
      <aside className="admin-nav">
        <p className="admin-brand">
          Showroom <span>Staff</span>
        </p>
        <nav aria-label="Staff console">
          {sections.map((s) => (
            <NavLink key={s.to} to={s.to} end={s.end}>
              {s.label}
            </NavLink>
          ))}
          {session.role === "admin" && <NavLink to="/admin/roles">Roles</NavLink>}
          {session.role === "admin" && <NavLink to="/admin/webhooks">Webhooks</NavLink>}
          {session.role === "admin" && <NavLink to="/admin/api-keys">API keys</NavLink>}
        </nav>
        <div className="admin-nav__user">
          <span>{session.user.email}</span>
          <span className="admin-pill">{session.role}</span>
          <button type="button" className="admin-link" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </aside>
      <main className="admin-main" id="main">
        {children}
      </main>
    </div>
  );
}
