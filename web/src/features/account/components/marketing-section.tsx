import { useState } from "react";
import { ConsentChannels, type ConsentChannel } from "@showroom/model";
import { ErrorNote } from "../../../components/ui/status";
import { saveConsent, type CustomerView } from "../api/customer";

const LABELS: Record<ConsentChannel, string> = { email: "Email me about new pieces and offers", sms: "Text me about new pieces and offers" };

/** Consent per channel, saved as soon as it changes. */
export function MarketingSection({ uid, customer }: { uid: string; customer: CustomerView }) {
  const [error, setError] = useState<string | null>(null);
  // The box follows the click at once; the live document confirms it (or the error undoes it).
  const [pending, setPending] = useState<Partial<Record<ConsentChannel, boolean>>>({});
  const marketing = { email: { granted: pending.email ?? customer.marketing.email.granted }, sms: { granted: pending.sms ?? customer.marketing.sms.granted } };
  return (
    <section className="account-section" aria-labelledby="marketing-heading">
      <h2 id="marketing-heading">Marketing preferences</h2>
      <p className="muted">Off unless you turn it on. Change it any time.</p>
      {ConsentChannels.map((channel) => {
        const consent = marketing[channel];
        return (
          <p key={channel}>
            <label className="check">
              <input
                type="checkbox"
                checked={consent.granted}
                onChange={(e) => {
                  const granted = e.target.checked;
                  setError(null);
                  setPending((p) => ({ ...p, [channel]: granted }));
                  saveConsent(uid, marketing, channel, granted).catch(() => {
                    setPending((p) => ({ ...p, [channel]: undefined }));
                    setError("We couldn’t save that preference. Please try again.");
                  });
                }}
              />
              {LABELS[channel]}
            </label>
          </p>
        );
      })}
      {error && <ErrorNote>{error}</ErrorNote>}
    </section>
  );
}
