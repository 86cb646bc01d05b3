import { z } from "zod";
import { ShippingAddressSchema } from "./contract.js";

export const MAX_ADDRESSES = 10;
export const ConsentChannels = ["email", "sms"] as const;
export type ConsentChannel = (typeof ConsentChannels)[number];

export const SavedAddressSchema = ShippingAddressSchema.extend({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  label: z.string().trim().max(40).optional(),
});
export type SavedAddress = z.infer<typeof SavedAddressSchema>;

/** `customers/{uid}.marketing[channel]`; `updatedAt` is set to the request time (rules check it). */
export const ConsentSchema = z.object({ granted: z.boolean() });

/**
 * The fields a customer may edit on `customers/{uid}`. The rules mirror these
 * bounds; functions own `uid`, `email`, `createdAt`.
 */
export const CustomerEditableSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(100),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,25}$/)
    .optional(),
  addresses: z.array(SavedAddressSchema).max(MAX_ADDRESSES),
  marketing: z.strictObject({ email: ConsentSchema, sms: ConsentSchema }),
});
export type CustomerEditable = z.infer<typeof CustomerEditableSchema>;

/** Editable field names: the rules' `affectedKeys().hasOnly([...])` list matches this. */
export const CustomerEditableFields = ["displayName", "phone", "addresses", "marketing", "updatedAt"] as const;
