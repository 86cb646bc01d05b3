import type { ShippingAddress } from "@showroom/model";

/** A shipping address as a postal block; staff also see the phone number. */
export function ShippingAddressBlock({ address, showPhone = false }: { address: ShippingAddress; showPhone?: boolean }) {
  return (
    <address>
      {address.name}
      <br />
      {address.line1}
      {address.line2 && (
        <>
          <br />
          {address.line2}
        </>
      )}
      <br />
      {address.postalCode} {address.city}, {address.country}
      {showPhone && address.phone && (
        <>
          <br />
          {address.phone}
        </>
      )}
    </address>
  );
}
