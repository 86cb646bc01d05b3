import { useId, useState } from "react";
import { ErrorNote } from "../../../components/ui/status";
import { confirmsDeletion, deleteMyAccount, DELETE_CONFIRMATION } from "../api/account-data";

/**
 * Account deletion with a typed confirmation. Orders stay in the books,
 * anonymised; everything else about the shopper is erased.
 */
export function DeleteAccountSection({ onDeleted }: { onDeleted?: () => void }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [state, setState] = useState<"idle" | "working" | "error">("idle");
  const inputId = useId();
  return (
    <section className="account-section" aria-labelledby="delete-account-heading">
      <h2 id="delete-account-heading">Delete account</h2>
      <p className="muted">
        This erases your profile, addresses, consent history, alerts and notifications, and signs you out. Orders are kept for our accounts with your name,
        address, phone and email removed. It cannot be undone.
      </p>
      {!open ? (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          Delete my account…
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!confirmsDeletion(typed)) return;
            setState("working");
            deleteMyAccount().then(
              () => onDeleted?.(),
              () => setState("error"),
            );
          }}
        >
          <p>
            <label htmlFor={inputId}>Type {DELETE_CONFIRMATION} to confirm</label>
            <input id={inputId} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </p>
          <p>
            <button type="submit" className="button button--primary" disabled={!confirmsDeletion(typed) || state === "working"}>
              {state === "working" ? "Deleting…" : "Permanently delete my account"}
            </button>{" "}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setOpen(false);
                setTyped("");
              }}
            >
              Cancel
            </button>
          </p>
          {state === "error" && <ErrorNote>We couldn’t delete your account. Nothing was lost; please try again.</ErrorNote>}
        </form>
      )}
    </section>
  );
}
