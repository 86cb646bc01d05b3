/** Variant axes (fabric, finish, size…) and picking a variant by option: pure, so it is unit tested. */
import type { Variant } from "@showroom/model";

export interface Axis {
  key: string;
  values: string[];
}

/** Axes whose values are colours or materials: shown as swatches, the rest as buttons. */
export const SWATCH_AXES = new Set(["fabric", "finish", "colour", "color", "leather", "top", "shade"]);

export function variantAxes(variants: readonly Variant[]): Axis[] {
  const axes = new Map<string, string[]>();
  for (const v of variants) {
    for (const [key, value] of Object.entries(v.options)) {
      const values = axes.get(key) ?? [];
      if (!values.includes(value)) values.push(value);
      axes.set(key, values);
    }
  }
  return [...axes].map(([key, values]) => ({ key, values }));
}

/** The variant with `axis = value`, keeping the other choices when such a variant exists. */
export function pickVariant(variants: readonly Variant[], current: Variant, axis: string, value: string): Variant {
  const wanted = { ...current.options, [axis]: value };
  const exact = variants.find((v) => Object.entries(wanted).every(([k, val]) => v.options[k] === val));
  return exact ?? variants.find((v) => v.options[axis] === value) ?? current;
}

/** "fabric" → "Fabric". */
export function axisLabel(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}
