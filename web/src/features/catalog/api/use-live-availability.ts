import { Collections } from "@showroom/model/labels";
import type { LiveSdk } from "../../../lib/load-live";
import { useLiveDocs } from "../../../lib/use-live-docs";

const parser = (sdk: LiveSdk) => sdk.parseProductStock;

/** Live `productStock` for the cards on screen: one document per card. */
export function useLiveAvailability(productIds: readonly string[]) {
  return useLiveDocs(Collections.productStock, productIds, parser).byId;
}
