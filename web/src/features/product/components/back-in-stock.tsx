/**
 * "Notify me when it's back" with the signed-in shopper it needs. Auth and
 * Firestore writes stay off the product page's first paint: the page loads
 * this as a chunk of its own, and only for a sold-out variant.
 */
import { useAuthUser } from "../../../lib/auth";
import { NotifyMeButton } from "../../privacy";

export function BackInStock({ sku, label }: { sku: string; label: string }) {
  const auth = useAuthUser();
  const uid = auth.status === "ready" ? (auth.user?.uid ?? null) : null;
  return <NotifyMeButton uid={uid} sku={sku} label={label} />;
}
