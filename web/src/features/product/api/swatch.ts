/**
 * Swatch colours and per-variant pictures come from the model's pure drawing
 * module (no I/O), which the seed draws the demo catalog with, so the demo's
 * swatches always match its illustrations.
 */
export { productIllustration, variantColor as swatchColor } from "@showroom/model/illustrations";

/** The demo catalog's pictures are generated SVGs; a catalog with photos keeps its own images. */
export function isGeneratedIllustration(src: string | undefined): boolean {
  return src?.startsWith("data:image/svg+xml") ?? false;
}
