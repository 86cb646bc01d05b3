/** Admin only: who has staff access; grant or revoke through `setUserRole`. */
import { useCallback, useEffect, useState, type FormEvent } from "react";
import type { ListStaffOutput, Role, StaffUser } from "@showroom/model";
import { listStaff, setUserRole, staffErrorMessage } from "../../../lib/admin/api/admin-callables";
import { ACTIONS, AdminTable, PageHeader } from "../../../components/admin/ui";

export function RolesPage({ isAdmin }: { isAdmin: boolean }) {
  if (!isAdmin) {
    return (
      <>
        <PageHeader title="Roles" />
        <p role="alert" className="admin-error">
          Only admins can manage roles.
        </p>
      </>
    );
  }
  return <RolesAdmin />;
}

function RolesAdmin() {
  const [data, setData] = useState<ListStaffOutput | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [found, setFound] = useState<StaffUser | null>(null);

  const refresh = useCallback(async (email?: string) => {
    try {
      const out = await listStaff(email ? { email } : {});
      setData(out);
      return out;
    } catch (error) {
      setMessage({ ok: false, text: staffErrorMessage(error) });
      return null;
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function change(user: StaffUser, role: Role | null) {
    setMessage(null);
    try {
      await setUserRole({ uid: user.uid, role });
      setMessage({ ok: true, text: `${user.email ?? user.uid} is now ${role ?? "a shopper"}. Their console access changes when their session refreshes.` });
      setFound(null);
      await refresh();
    } catch (error) {
      setMessage({ ok: false, text: staffErrorMessage(error) });
    }
  }

  async function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    const out = await refresh(email);
    setFound(out?.user ?? null);
    if (out && !out.user) setMessage({ ok: false, text: `No account with the email ${email}.` });
  }

  return (
    <>
      <PageHeader title="Roles" />
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "admin-ok" : "admin-error"}>
          {message.text}
        </p>
      )}
      <section className="admin-card">
        <h2>Staff and admins</h2>
        {!data ? (
          <p className="admin-muted">Loading…</p>
        ) : (
          <AdminTable label="Staff" columns={["Email", "Name", "Role", ACTIONS]}>
            {data.staff.map((u) => (
              <tr key={u.uid}>
                <td>{u.email ?? u.uid}</td>
                <td>{u.displayName ?? "—"}</td>
                <td>
                  <span className="admin-pill">{u.role}</span>
                </td>
                <td className="admin-row">
                  <button type="button" className="admin-button admin-button--small" onClick={() => void change(u, u.role === "admin" ? "staff" : "admin")}>
                    Make {u.role === "admin" ? "staff" : "admin"}
                  </button>
                  <button
                    type="button"
                    className="admin-button admin-button--small admin-button--danger"
                    onClick={() => void change(u, null)}
                    aria-label={`Revoke ${u.email ?? u.uid}`}
                  >
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </AdminTable>
        )}
      </section>
      <section className="admin-card">
        <h2>Grant access</h2>
        <form className="admin-row admin-row--wrap" onSubmit={(e) => void find(e)}>
          <label className="admin-field admin-field--grow">
            Account email
            <input name="email" type="email" required />
          </label>
          <button type="submit" className="admin-button">
            Find account
          </button>
        </form>
        {found && (
          <div className="admin-row">
            <span>
              {found.email} — currently <strong>{found.role ?? "shopper"}</strong>
            </span>
            <button type="button" className="admin-button admin-button--primary" onClick={() => void change(found, "staff")}>
              Grant staff
            </button>
            <button type="button" className="admin-button" onClick={() => void change(found, "admin")}>
              Grant admin
            </button>
          </div>
        )}
      </section>
    </>
  );
}
