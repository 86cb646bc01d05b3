import { Link, useNavigate } from "react-router";
import { ErrorNote, Loading } from "../../../components/ui/status";
import { signOut, useAuthUser } from "../../../lib/auth";
import { parseCustomer, useCustomer } from "../api/customer";
import { AddressBookSection } from "./address-book-section";
import { MarketingSection } from "./marketing-section";
import { OrderHistorySection } from "./order-history-section";
import { ProfileSection } from "./profile-section";
import { DataExportSection, DeleteAccountSection, NotificationsList } from "../../privacy";
import { SurveyPrompts } from "../../feedback";

const NO_PROFILE = parseCustomer(null);

/** One section per concern, so more (data export, account deletion) can be added beside them. */
export function AccountPage() {
  const auth = useAuthUser();
  const navigate = useNavigate();
  const user = auth.status === "ready" ? auth.user : null;
  const customer = useCustomer(user && !user.isAnonymous ? user.uid : null);
  if (auth.status === "loading") return <Loading>Loading your account…</Loading>;
  if (!user) {
    return (
      <section className="account">
        <h1>Your account</h1>
        <p>
          <Link to="/sign-in?next=/account">Sign in</Link> or <Link to="/sign-up?next=/account">create an account</Link> to see your orders and saved addresses.
        </p>
      </section>
    );
  }
  return (
    <section className="account">
      <div className="account__head">
        <h1>Your account</h1>
        <button type="button" className="link-button" onClick={() => void signOut().then(() => navigate("/"))}>
          Sign out
        </button>
      </div>
      {user.isAnonymous ? (
        <div className="notice">
          <p>
            You’re shopping as a guest. <Link to="/sign-up?next=/account">Create an account</Link> to keep your orders and cart, and to save addresses.
          </p>
        </div>
      ) : customer.status === "loading" ? (
        <Loading />
      ) : customer.status === "error" ? (
        <ErrorNote>We couldn’t load your profile. Please refresh the page.</ErrorNote>
      ) : (
        <div className="account__grid">
          <ProfileSection uid={user.uid} email={user.email} customer={customer.data ?? { ...NO_PROFILE, displayName: user.displayName ?? "" }} />
          <AddressBookSection uid={user.uid} customer={customer.data ?? NO_PROFILE} />
          <MarketingSection uid={user.uid} customer={customer.data ?? NO_PROFILE} />
        </div>
      )}
      <SurveyPrompts uid={user.uid} />
      <NotificationsList uid={user.uid} />
      <OrderHistorySection uid={user.uid} />
      <DataExportSection />
      <DeleteAccountSection onDeleted={() => navigate("/")} />
    </section>
  );
}
