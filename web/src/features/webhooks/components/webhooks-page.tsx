/**
 * Admin: webhook endpoints. Add one (its secret is shown once), see each
 * endpoint's status, enable or disable it, rotate its secret, and for the
 * selected endpoint see recent deliveries with every attempt, resend one, or
 * replay a time range.
 */
import { useState, type FormEvent } from "react";
import { CreateWebhookEndpointInputSchema, EventTypes } from "@showroom/model";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  replayWebhookEvents,
  resendWebhookDelivery,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  webhookErrorMessage,
} from "../api/webhook-callables";
import { useAttempts, useDeliveries, useEndpoints, type DeliveryRow, type EndpointRow } from "../api/use-webhooks";
import { ACTIONS, AdminTable } from "../../../components/admin/ui";

type Message = { ok: boolean; text: string } | null;

const when = (t: { toMillis(): number } | null) => (t ? new Date(t.toMillis()).toLocaleString() : "—");

function Notice({ message }: { message: Message }) {
  if (!message) return null;
  return (
    <p role={message.ok ? "status" : "alert"} className={message.ok ? "admin-ok" : "admin-error"}>
      {message.text}
    </p>
  );
}

/** A secret to copy now: it is never shown again. */
function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <section className="admin-card" aria-label="New signing secret">
      <h2>Signing secret</h2>
      <p>Copy it now: it is shown only once. Receivers verify with it (Standard Webhooks).</p>
      <code data-testid="webhook-secret">{secret}</code>
      <p>
        <button type="button" onClick={onDone}>
          I have copied it
        </button>
      </p>
    </section>
  );
}

function AddEndpointForm({ onCreated, onMessage }: { onCreated: (secret: string, id: string) => void; onMessage: (m: Message) => void }) {
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { url: String(form.get("url") ?? "").trim(), eventTypes: form.getAll("eventTypes").map(String) };
    const parsed = CreateWebhookEndpointInputSchema.safeParse(input);
    if (!parsed.success) return onMessage({ ok: false, text: parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ") });
    setBusy(true);
    const target = event.currentTarget;
    try {
      const created = await createWebhookEndpoint(parsed.data);
      target.reset();
      onMessage({ ok: true, text: `Endpoint added: ${parsed.data.url}` });
      onCreated(created.secret, created.id);
    } catch (error) {
      onMessage({ ok: false, text: webhookErrorMessage(error) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="admin-card" aria-label="Add endpoint" onSubmit={(e) => void submit(e)}>
      <h2>Add an endpoint</h2>
      <label>
        Endpoint URL
        <input name="url" type="url" required placeholder="https://example.com/webhooks/showroom" />
      </label>
      <fieldset>
        <legend>Event types</legend>
        {EventTypes.map((type) => (
          <label key={type}>
            <input type="checkbox" name="eventTypes" value={type} /> {type}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy}>
        Add endpoint
      </button>
    </form>
  );
}

function statusWord(endpoint: EndpointRow): string {
  if (endpoint.enabled) return endpoint.failure.consecutive > 0 ? `Failing (${endpoint.failure.consecutive} in a row)` : "Enabled";
  return { admin: "Disabled", gone: "Disabled: receiver answered 410", failing: "Disabled: kept failing" }[endpoint.disabledReason ?? "admin"];
}

function EndpointList({
  endpoints,
  selected,
  onSelect,
  onMessage,
  onSecret,
}: {
  endpoints: EndpointRow[];
  selected: string | null;
  onSelect: (id: string) => void;
  onMessage: (m: Message) => void;
  onSecret: (secret: string) => void;
}) {
  async function run(action: () => Promise<string>) {
    onMessage(null);
    try {
      onMessage({ ok: true, text: await action() });
    } catch (error) {
      onMessage({ ok: false, text: webhookErrorMessage(error) });
    }
  }
  if (endpoints.length === 0) return <p className="admin-muted">No endpoints yet.</p>;
  return (
    <AdminTable label="Endpoints" columns={["URL", "Event types", "Status", ACTIONS]}>
      {endpoints.map((e) => (
        <tr key={e.id} aria-selected={e.id === selected}>
          <td>{e.url}</td>
          <td>{e.eventTypes.join(", ")}</td>
          <td>{statusWord(e)}</td>
          <td className="admin-row">
            <button type="button" onClick={() => onSelect(e.id)} aria-label={`Deliveries of ${e.url}`}>
              Deliveries
            </button>
            <button
              type="button"
              onClick={() =>
                void run(async () => (await updateWebhookEndpoint({ id: e.id, enabled: !e.enabled }), `${e.url} ${e.enabled ? "disabled" : "enabled"}.`))
              }
            >
              {e.enabled ? "Disable" : "Enable"}
            </button>
            <button
              type="button"
              onClick={() =>
                void run(async () => {
                  const out = await rotateWebhookSecret({ id: e.id });
                  onSecret(out.secret);
                  return `New secret for ${e.url}; the old one keeps signing until ${new Date(out.previousSecretExpiresAt).toLocaleString()}.`;
                })
              }
            >
              Rotate secret
            </button>
            <button
              type="button"
              onClick={() => {
                if (window.confirm(`Delete the endpoint ${e.url}?`)) void run(async () => (await deleteWebhookEndpoint({ id: e.id }), `${e.url} deleted.`));
              }}
            >
              Delete
            </button>
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}

function Attempts({ deliveryId }: { deliveryId: string }) {
  const attempts = useAttempts(deliveryId);
  if (attempts.status !== "ready") return <p className="admin-muted">{attempts.status === "error" ? "Could not load attempts." : "Loading…"}</p>;
  if (attempts.data.length === 0) return <p className="admin-muted">Not attempted yet.</p>;
  return (
    <AdminTable label={`Attempts of ${deliveryId}`} columns={["#", "At", "Status", "Latency", "Answer or error", "Request id"]}>
      {attempts.data.map((a) => (
        <tr key={a.id}>
          <td>{a.n}</td>
          <td>{when(a.at)}</td>
          <td>{a.status ?? "no answer"}</td>
          <td>{a.latencyMs} ms</td>
          <td>{a.error ?? a.responseSnippet}</td>
          <td>
            <code>{a.requestId}</code>
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}

function DeliveryItem({ delivery, onMessage }: { delivery: DeliveryRow; onMessage: (m: Message) => void }) {
  async function resend() {
    try {
      await resendWebhookDelivery({ deliveryId: delivery.id });
      onMessage({ ok: true, text: `Event ${delivery.eventId} queued again.` });
    } catch (error) {
      onMessage({ ok: false, text: webhookErrorMessage(error) });
    }
  }
  return (
    <li className="admin-card">
      <details>
        <summary>
          {delivery.type} · {delivery.subject} #{delivery.seq} · <strong>{delivery.status}</strong> · {delivery.attempts} attempt(s)
          {delivery.origin !== "event" && ` · ${delivery.origin}`}
        </summary>
        <p className="admin-muted">
          Event {delivery.eventId}, occurred {new Date(delivery.occurredAt).toLocaleString()}; created {when(delivery.createdAt)}
          {delivery.status === "pending" && delivery.attempts > 0 && `; next attempt ${when(delivery.nextAttemptAt)}`}
        </p>
        <Attempts deliveryId={delivery.id} />
      </details>
      <button type="button" onClick={() => void resend()} aria-label={`Resend ${delivery.type} ${delivery.subject} #${delivery.seq}`}>
        Resend
      </button>
    </li>
  );
}

function ReplayForm({ endpointId, onMessage }: { endpointId: string; onMessage: (m: Message) => void }) {
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const since = new Date(String(form.get("since"))).toISOString();
    const until = new Date(String(form.get("until"))).toISOString();
    try {
      const out = await replayWebhookEvents({ endpointId, since, until });
      onMessage({ ok: true, text: `${out.queued} event(s) queued for replay.` });
    } catch (error) {
      onMessage({ ok: false, text: webhookErrorMessage(error) });
    }
  }
  return (
    <form className="admin-row" aria-label="Replay events" onSubmit={(e) => void submit(e)}>
      <label>
        From <input type="datetime-local" name="since" required />
      </label>
      <label>
        Until <input type="datetime-local" name="until" required />
      </label>
      <button type="submit">Replay</button>
    </form>
  );
}

function Deliveries({ endpoint, onMessage }: { endpoint: EndpointRow; onMessage: (m: Message) => void }) {
  const deliveries = useDeliveries(endpoint.id);
  return (
    <section className="admin-card" aria-label="Deliveries">
      <h2>Deliveries to {endpoint.url}</h2>
      <ReplayForm endpointId={endpoint.id} onMessage={onMessage} />
      {deliveries.status === "loading" && <p className="admin-muted">Loading…</p>}
      {deliveries.status === "error" && <p className="admin-error">Could not load deliveries.</p>}
      {deliveries.status === "ready" &&
        (deliveries.data.length === 0 ? (
          <p className="admin-muted">No deliveries yet.</p>
        ) : (
          <ul className="admin-list">
            {deliveries.data.map((d) => (
              <DeliveryItem key={d.id} delivery={d} onMessage={onMessage} />
            ))}
          </ul>
        ))}
    </section>
  );
}

export function WebhooksPage({ isAdmin }: { isAdmin: boolean }) {
  if (!isAdmin) {
    return (
      <>
        <h1>Webhooks</h1>
        <p role="alert" className="admin-error">
          Only admins can manage webhooks.
        </p>
      </>
    );
  }
  return <WebhooksAdmin />;
}

function WebhooksAdmin() {
  const endpoints = useEndpoints();
  const [message, setMessage] = useState<Message>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const selectedEndpoint = endpoints.status === "ready" ? endpoints.data.find((e) => e.id === selected) : undefined;
  return (
    <>
      <header className="admin-page-header">
        <h1>Webhooks</h1>
      </header>
      <Notice message={message} />
      {secret && <SecretOnce secret={secret} onDone={() => setSecret(null)} />}
      <AddEndpointForm
        onMessage={setMessage}
        onCreated={(s, id) => {
          setSecret(s);
          setSelected(id);
        }}
      />
      <section className="admin-card">
        <h2>Endpoints</h2>
        {endpoints.status === "loading" && <p className="admin-muted">Loading…</p>}
        {endpoints.status === "error" && <p className="admin-error">Could not load endpoints.</p>}
        {endpoints.status === "ready" && (
          <EndpointList endpoints={endpoints.data} selected={selected} onSelect={setSelected} onMessage={setMessage} onSecret={setSecret} />
        )}
      </section>
      {selectedEndpoint && <Deliveries endpoint={selectedEndpoint} onMessage={setMessage} />}
    </>
  );
}
