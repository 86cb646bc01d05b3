/** Admin only: create API keys (the key is shown once), see their scopes and use, revoke them. */
import { useState, type FormEvent } from "react";
import { ApiScopes, CreateApiKeyInputSchema, type ApiScope, type CreateApiKeyOutput } from "@showroom/model";
import { callError } from "../../../lib/callables";
import { createApiKey, revokeApiKey, useApiKeys, type ApiKeyRow } from "../api/api-keys";
import { ACTIONS, AdminTable } from "../../../components/admin/ui";

const when = (date: Date | null) => (date ? date.toLocaleString() : "—");

export function ApiKeysPage({ isAdmin }: { isAdmin: boolean }) {
  return (
    <>
      <header className="admin-page-header">
        <h1>API keys</h1>
      </header>
      {isAdmin ? (
        <ApiKeysAdmin />
      ) : (
        <p role="alert" className="admin-error">
          Only admins can manage API keys.
        </p>
      )}
    </>
  );
}

function ApiKeysAdmin() {
  const keys = useApiKeys();
  const [created, setCreated] = useState<CreateApiKeyOutput | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const expires = String(form.get("expiresAt") ?? "");
    const parsed = CreateApiKeyInputSchema.safeParse({
      name: String(form.get("name") ?? ""),
      scopes: form.getAll("scopes").map(String),
      ...(expires ? { expiresAt: new Date(`${expires}T23:59:59`).toISOString() } : {}),
    });
    setCreated(null);
    if (!parsed.success) return setError(parsed.error.issues.map((i) => `${i.path.join(".") || "form"}: ${i.message}`).join("; "));
    setError(null);
    try {
      setCreated(await createApiKey(parsed.data));
    } catch (e) {
      setError(callError(e).code === "permission-denied" ? "Only admins can create API keys." : "The key could not be created.");
    }
  }

  async function revoke(key: ApiKeyRow) {
    setError(null);
    try {
      await revokeApiKey({ keyId: key.keyId });
    } catch {
      setError(`${key.name} could not be revoked.`);
    }
  }

  return (
    <>
      {error && (
        <p role="alert" className="admin-error">
          {error}
        </p>
      )}
      {created && (
        <section className="admin-card" aria-label="New API key">
          <h2>New key — copy it now, it is not shown again</h2>
          <output aria-label="API key">
            <code>{created.key}</code>
          </output>
        </section>
      )}
      <section className="admin-card">
        <h2>Create a key</h2>
        <form className="admin-row admin-row--wrap" onSubmit={(e) => void create(e)}>
          <label className="admin-field admin-field--grow">
            Name
            <input name="name" required maxLength={100} />
          </label>
          <fieldset className="admin-row admin-row--wrap">
            <legend>Scopes</legend>
            {ApiScopes.map((scope: ApiScope) => (
              <label key={scope}>
                <input type="checkbox" name="scopes" value={scope} /> {scope}
              </label>
            ))}
          </fieldset>
          <label className="admin-field">
            Expires (optional)
            <input name="expiresAt" type="date" />
          </label>
          <button type="submit" className="admin-button">
            Create key
          </button>
        </form>
      </section>
      <section className="admin-card">
        <h2>Keys</h2>
        {keys.status === "loading" && <p className="admin-muted">Loading…</p>}
        {keys.status === "error" && (
          <p role="alert" className="admin-error">
            Keys could not be loaded.
          </p>
        )}
        {keys.status === "ready" && (
          <AdminTable label="API keys" columns={["Name", "Key", "Scopes", "Last used", "Uses", "Status", ACTIONS]}>
            {keys.data.map((key) => (
              <tr key={key.keyId}>
                <td>{key.name}</td>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>{key.scopes.join(", ")}</td>
                <td>{when(key.lastUsedAt)}</td>
                <td>{key.useCount}</td>
                <td>
                  {key.revokedAt
                    ? "revoked"
                    : key.expiresAt && key.expiresAt < new Date()
                      ? "expired"
                      : key.expiresAt
                        ? `expires ${when(key.expiresAt)}`
                        : "active"}
                </td>
                <td>
                  {!key.revokedAt && (
                    <button
                      type="button"
                      className="admin-button admin-button--small admin-button--danger"
                      aria-label={`Revoke ${key.name}`}
                      onClick={() => void revoke(key)}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </AdminTable>
        )}
      </section>
    </>
  );
}
