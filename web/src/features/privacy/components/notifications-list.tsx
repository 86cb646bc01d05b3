import { Link } from "react-router";
import { Loading } from "../../../components/ui/status";
import { markRead, useNotifications } from "../api/alerts";

/** Back-in-stock notices, live: a restock shows up here while the page is open. */
export function NotificationsList({ uid }: { uid: string }) {
  const notifications = useNotifications(uid);
  return (
    <section className="account-section" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">Notifications</h2>
      {notifications.status === "loading" ? (
        <Loading />
      ) : notifications.status === "error" ? (
        <p className="muted">Notifications are unavailable right now.</p>
      ) : notifications.data.length === 0 ? (
        <p className="muted">Nothing yet. Use “Notify me” on a sold-out piece and we’ll tell you here when it’s back.</p>
      ) : (
        <ul aria-label="Notifications">
          {notifications.data.map((n) => (
            <li key={n.id} className={n.read ? "muted" : undefined}>
              <Link to={`/p/${n.productId}?sku=${encodeURIComponent(n.sku)}`}>{n.sku}</Link> is available again
              {n.createdAt && <> · {n.createdAt.toLocaleDateString()}</>}
              {!n.read && (
                <>
                  {" "}
                  <button type="button" className="link-button" onClick={() => void markRead(uid, n.id)}>
                    Mark as read
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
