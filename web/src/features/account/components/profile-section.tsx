import { useState } from "react";
import { CustomerEditableSchema } from "@showroom/model";
import { ErrorNote } from "../../../components/ui/status";
import { saveProfile, type CustomerView } from "../api/customer";

export function ProfileSection({ uid, email, customer }: { uid: string; email: string | null; customer: CustomerView }) {
  const [name, setName] = useState(customer.displayName);
  const [phone, setPhone] = useState(customer.phone);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const parsedName = CustomerEditableSchema.shape.displayName.safeParse(name);
    const parsedPhone = CustomerEditableSchema.shape.phone.safeParse(phone.trim() === "" ? undefined : phone);
    if (!parsedName.success) return setMessage({ ok: false, text: "Enter your name (up to 100 characters)." });
    if (!parsedPhone.success) return setMessage({ ok: false, text: "Phone: use digits, spaces, ( ) - and an optional leading +." });
    try {
      await saveProfile(uid, { displayName: parsedName.data, ...(parsedPhone.data ? { phone: parsedPhone.data } : {}) });
      setMessage({ ok: true, text: "Profile saved." });
    } catch {
      setMessage({ ok: false, text: "We couldn’t save your profile. Please try again." });
    }
  };
  return (
    <section className="account-section" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profile</h2>
      {email && <p className="muted">Signed in as {email}</p>}
      <form onSubmit={submit} className="stack">
        <div className="field">
          <label htmlFor="profile-name">Name</label>
          <input id="profile-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
        </div>
        <div className="field">
          <label htmlFor="profile-phone">Phone (optional)</label>
          <input id="profile-phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="tel" />
        </div>
        {message && (message.ok ? <p role="status">{message.text}</p> : <ErrorNote>{message.text}</ErrorNote>)}
        <button type="submit" className="button">
          Save profile
        </button>
      </form>
    </section>
  );
}
