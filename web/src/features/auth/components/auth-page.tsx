import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ErrorNote } from "../../../components/ui/status";
import { authErrorMessage, signIn, signUp } from "../api/auth-actions";

/** Only same-site paths, so `?next=` cannot send a shopper elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/account";
}

function AuthForm({ mode }: { mode: "sign-in" | "sign-up" }) {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(search.get("next"));
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setBusy(true);
    setError(null);
    try {
      if (mode === "sign-up") await signUp(String(form.get("name") ?? "").trim(), email, password);
      else await signIn(email, password);
      await navigate(next);
    } catch (err) {
      setError(authErrorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const title = mode === "sign-up" ? "Create your account" : "Sign in";
  return (
    <section className="auth-page">
      <h1>{title}</h1>
      {mode === "sign-up" && <p className="muted">Your cart and any orders you placed as a guest come with you.</p>}
      <form onSubmit={submit} className="auth-form">
        {mode === "sign-up" && (
          <div className="field">
            <label htmlFor="auth-name">Your name</label>
            <input id="auth-name" name="name" autoComplete="name" required />
          </div>
        )}
        <div className="field">
          <label htmlFor="auth-email">Email</label>
          <input id="auth-email" name="email" type="email" autoComplete="email" required />
        </div>
        <div className="field">
          <label htmlFor="auth-password">Password</label>
          <input
            id="auth-password"
            name="password"
            type="password"
            autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
            minLength={6}
            required
          />
        </div>
        {error && <ErrorNote>{error}</ErrorNote>}
        <button type="submit" className="button button--primary" disabled={busy}>
          {mode === "sign-up" ? "Create account" : "Sign in"}
        </button>
      </form>
      <p>
        {mode === "sign-up" ? (
          <>
            Already have an account? <Link to={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
          </>
        ) : (
          <>
            New here? <Link to={`/sign-up?next=${encodeURIComponent(next)}`}>Create an account</Link>
          </>
        )}
      </p>
    </section>
  );
}

export function SignInPage() {
  return <AuthForm mode="sign-in" />;
}

export function SignUpPage() {
  return <AuthForm mode="sign-up" />;
}
