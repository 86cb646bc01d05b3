/** The store's stock locations, live from `locations/{code}`, in draw order; and the admin callables that change them. */
import { useMemo } from "react";
import { collection } from "firebase/firestore";
import {
  callableOutputSchema,
  Collections,
  drawSequence,
  parseLocationDoc,
  type CallableInput,
  type CallableOutput,
  type StockLocation,
} from "@showroom/model";
import { callable } from "../../../lib/callables";
import { db } from "../../../lib/firebase";
import { useLiveQuery, type Live } from "../../../lib/live";

export const upsertLocation = callable<CallableInput<"upsertLocation">, CallableOutput<"upsertLocation">>(
  "upsertLocation",
  callableOutputSchema("upsertLocation"),
);
export const deleteLocation = callable<CallableInput<"deleteLocation">, CallableOutput<"deleteLocation">>(
  "deleteLocation",
  callableOutputSchema("deleteLocation"),
);

const locationsQuery = () => collection(db, Collections.locations);

/** Every configured location, live, active ones first by `drawOrder` (the order orders draw stock in). */
export function useLocations(): Live<StockLocation[]> {
  const live = useLiveQuery(locationsQuery(), "locations", (data, id) => parseLocationDoc(id, data));
  return useMemo(() => (live.status === "ready" ? { status: "ready", data: drawSequence(live.data) } : live), [live]);
}
