import type { Variant } from "@showroom/model";
import { availabilityLabel } from "@showroom/model/labels";
import type { SkuAvailability } from "../api/first-read";
import { axisLabel, pickVariant, SWATCH_AXES, variantAxes } from "../api/variant-options";
import { swatchColor } from "../api/swatch";

/** One radio group per axis; swatches for fabric and finish. Sold-out values stay choosable (the page says so). */
export function VariantPicker({
  variants,
  selected,
  stock,
  onSelect,
}: {
  variants: Variant[];
  selected: Variant;
  stock: Record<string, SkuAvailability | null | undefined>;
  onSelect: (variant: Variant) => void;
}) {
  return (
    <div className="variant-picker">
      {variantAxes(variants).map((axis) => (
        <fieldset key={axis.key} className="variant-axis">
          <legend>
            {axisLabel(axis.key)}: <strong>{selected.options[axis.key]}</strong>
          </legend>
          <div className={SWATCH_AXES.has(axis.key) ? "swatches" : "option-pills"}>
            {axis.values.map((value) => {
              const target = pickVariant(variants, selected, axis.key, value);
              const s = stock[target.sku];
              const soldOut = s?.status === "out_of_stock";
              const swatch = SWATCH_AXES.has(axis.key);
              return (
                <label
                  key={value}
                  className={`${swatch ? "swatch" : "pill"}${soldOut ? " is-sold-out" : ""}`}
                  title={s ? `${value} — ${availabilityLabel(s)}` : value}
                >
                  <input type="radio" name={axis.key} value={value} checked={selected.options[axis.key] === value} onChange={() => onSelect(target)} />
                  {swatch ? (
                    <>
                      <span className="swatch__chip" style={{ background: swatchColor({ [axis.key]: value }) }} aria-hidden="true" />
                      <span className="visually-hidden">{value}</span>
                    </>
                  ) : (
                    <span>{value}</span>
                  )}
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
