import { useState } from "react";
import { ErrorNote } from "../../../components/ui/status";
import { downloadMyData } from "../api/account-data";

/** "Download my data": every document the store keeps about the shopper, as one JSON file. */
export function DataExportSection() {
  const [state, setState] = useState<"idle" | "working" | "done" | "error">("idle");
  return (
    <section className="account-section" aria-labelledby="data-export-heading">
      <h2 id="data-export-heading">Your data</h2>
      <p className="muted">Download everything we keep about you — profile, addresses, consent history, orders, alerts and notifications — as one JSON file.</p>
      <button
        type="button"
        className="button"
        disabled={state === "working"}
        onClick={() => {
          setState("working");
          downloadMyData().then(
            () => setState("done"),
            () => setState("error"),
          );
        }}
      >
        {state === "working" ? "Preparing your data…" : "Download my data"}
      </button>
      {state === "done" && <p role="status">Your download has started.</p>}
      {state === "error" && <ErrorNote>We couldn’t prepare your data. Please try again.</ErrorNote>}
    </section>
  );
}
