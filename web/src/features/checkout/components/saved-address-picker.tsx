import type { SavedAddress } from "@showroom/model";
import { NEW_ADDRESS } from "../../../lib/shipping-form";

function oneLine(a: SavedAddress): string {
  return [a.name, a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country].filter(Boolean).join(", ");
}

/** Saved addresses as radio options (the first is the default), then "A new address". */
export function SavedAddressPicker({
  addresses,
  selectedId,
  onChoose,
}: {
  addresses: readonly SavedAddress[];
  selectedId: string;
  onChoose: (id: string) => void;
}) {
  return (
    <fieldset className="saved-addresses">
      <legend>Your saved addresses</legend>
      {addresses.map((a, i) => (
        <label key={a.id} className="saved-address">
          <input type="radio" name="saved-address" value={a.id} checked={selectedId === a.id} onChange={() => onChoose(a.id)} />
          <span>
            <strong>
              {a.label ?? a.name}
              {i === 0 ? " (default)" : ""}
            </strong>
            <span className="muted"> {oneLine(a)}</span>
          </span>
        </label>
      ))}
      <label className="saved-address">
        <input type="radio" name="saved-address" value={NEW_ADDRESS} checked={selectedId === NEW_ADDRESS} onChange={() => onChoose(NEW_ADDRESS)} />
        <span>
          <strong>A new address</strong>
        </span>
      </label>
    </fieldset>
  );
}
