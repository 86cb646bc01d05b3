/** Staff only: a sign-in form for visitors, a clear refusal for signed-in non-staff, the console for staff. */
import { useState, type FormEvent, type ReactNode } from "react";
import { Link } from "react-router";
import type { User } from "firebase/auth";
import type { Role } from "@showroom/model";
import { Loading } from "../../../components/ui/status";
import { signOut } from "../../../lib/auth";
import { authErrorMessage, signIn } from "../../auth";
import { useStaffSession } from "../api/use-staff-role";

export interface StaffSessionReady {
  user: User;
  role: Role;
}

export function StaffGuard({ children }: { children: (session: StaffSessionReady) => ReactNode }) {
  const session = useStaffSession();
  if (session.status === "loading") return <Loading>Checking your access…</Loading>;
  if (!session.user || session.user.isAnonymous) return <StaffSignIn />;
  if (!session.role) return <NotAuthorised email={session.user.email} />;
  return <>{children({ user: session.user, role: session.role })}</>;
}

function StaffSignIn() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await signIn(String(form.get("email")), String(form.get("password")));
    } catch (e) {
      setError(authErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="admin-gate">
      <form className="admin-gate__card" onSubmit={(e) => void submit(e)} aria-labelledby="staff-sign-in">
        <p className="admin-brand">Showroom · Staff</p>
        <h1 id="staff-sign-in">Staff sign in</h1>
        <label className="admin-field">
          Email
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label className="admin-field">
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p role="alert" className="admin-error">
            {error}
          </p>
        )}
        <button type="submit" className="admin-button admin-button--primary" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
        <Link to="/">Back to the store</Link>
      </form>
    </div>
  );
}

function NotAuthorised({ email }: { email: string | null }) {
  return (
    <div className="admin-gate">
      <div className="admin-gate__card" role="alert">
        <p className="admin-brand">Showroom · Staff</p>
        <h1>Not authorised</h1>
        <p>
          {email ? <strong>{email}</strong> : "This account"} has no staff access. The staff console is for Showroom staff only; ask an admin if you need
          access.
        </p>
        <div className="admin-row">
          <button type="button" className="admin-button" onClick={() => void signOut()}>
            Sign in as someone else
          </button>
          <Link to="/">Back to the store</Link>
        </div>
      </div>
    </div>
  );
}
