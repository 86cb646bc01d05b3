import { HoldCartOutputSchema, type HoldCartInput, type HoldCartOutput } from "@showroom/model";
import { callable } from "../../../lib/callables";

/** `holdCart`: reserves the cart's units for a while; the output carries when the hold lapses. */
export const holdCart = callable<HoldCartInput, HoldCartOutput>("holdCart", HoldCartOutputSchema);
