/**
 * Flat SVG illustrations for the demo catalog, returned as self-contained data URLs:
 * one simple silhouette per category, coloured from the variant's fabric, colour or
 * finish. No text, no external references, no randomness.
 */
import type { Category } from "./catalog.js";

export interface IllustrationSubject {
  category: Category;
  name: string;
  variants: ReadonlyArray<{ options: Record<string, string> }>;
}

/** Colour words used in fabric, finish and colour options → swatch hex. */
const COLOUR_WORDS: Readonly<Record<string, string>> = {
  emerald: "#2f6b4f",
  ivory: "#efe7d8",
  sand: "#d6bf98",
  oat: "#dccfb4",
  sage: "#9cae88",
  slate: "#5f6b73",
  rust: "#a84b2a",
  navy: "#27395c",
  blush: "#e0b2a8",
  mustard: "#cf9f35",
  charcoal: "#46484b",
  cognac: "#9a5a2c",
  black: "#2b2a29",
  nero: "#2a2a2c",
  carrara: "#e8e6e1",
  white: "#f2f0eb",
  oak: "#c49a6c",
  natural: "#cfae7e",
  smoked: "#5c4835",
  walnut: "#6b4a33",
  brass: "#b8913a",
  chrome: "#b8bec5",
  olive: "#6f7342",
  terracotta: "#c0663f",
  ochre: "#c8962e",
};

const FALLBACK_PALETTE = ["#c9a27e", "#8fa58c", "#b86b4b", "#5d6d7e", "#d6bf98", "#7b5e7b", "#a3855f"];

/** Option keys that carry the dominant colour, most telling first. */
const COLOUR_KEYS = ["fabric", "leather", "colour", "color", "shade", "top", "finish"];

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The first colour word in an option value ("Velvet — Emerald" → emerald). */
function colourOf(value: string): string | undefined {
  for (const word of value.toLowerCase().split(/[^a-z]+/)) {
    const hex = COLOUR_WORDS[word];
    if (hex) return hex;
  }
  return undefined;
}

function orderedValues(options: Record<string, string>): string[] {
  const keys = Object.keys(options).sort((a, b) => {
    const ia = COLOUR_KEYS.indexOf(a);
    const ib = COLOUR_KEYS.indexOf(b);
    return (ia < 0 ? COLOUR_KEYS.length : ia) - (ib < 0 ? COLOUR_KEYS.length : ib) || a.localeCompare(b);
  });
  return keys.map((k) => options[k] ?? "");
}

/** The swatch colour of a variant, from its fabric/colour/finish words, else a stable hashed colour. */
export function variantColor(options: Record<string, string>): string {
  const values = orderedValues(options);
  for (const value of values) {
    const hex = colourOf(value);
    if (hex) return hex;
  }
  return FALLBACK_PALETTE[hash(values.join("|")) % FALLBACK_PALETTE.length] ?? "#c9a27e";
}

/* ------------------------------------------------------------ colour maths */

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function mix(a: string, b: string, t: number): string {
  const ca = rgb(a);
  const cb = rgb(b);
  const out = ca.map((v, i) => Math.round(v + ((cb[i] ?? v) - v) * t));
  return `#${out.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

function luminance(hex: string): number {
  const [r, g, b] = rgb(hex);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

interface Palette {
  main: string;
  dark: string;
  light: string;
  /** Legs, stems, knobs: the finish if the variant has one besides its fabric. */
  accent: string;
}

/* ---------------------------------------------------------------- shapes */

const SHADOW = "<ellipse cx='200' cy='248' rx='150' ry='9' fill='#000' opacity='.08'/>";

const rect = (x: number, y: number, w: number, h: number, r: number, fill: string): string =>
  `<rect x='${x}' y='${y}' width='${w}' height='${h}' rx='${r}' fill='${fill}'/>`;

const stroke = (d: string, colour: string, width: number): string =>
  `<path d='${d}' stroke='${colour}' stroke-width='${width}' stroke-linecap='round' fill='none'/>`;

function sofa(p: Palette): string {
  return (
    SHADOW +
    rect(78, 100, 244, 80, 18, p.main) +
    rect(66, 160, 268, 54, 14, p.dark) +
    rect(92, 148, 106, 30, 10, p.main) +
    rect(202, 148, 106, 30, 10, p.main) +
    rect(50, 130, 44, 86, 16, p.main) +
    rect(306, 130, 44, 86, 16, p.main) +
    stroke("M80 214v28M320 214v28", p.accent, 9)
  );
}

function chair(p: Palette): string {
  return (
    SHADOW +
    `<path d='M136 74Q200 56 264 74L258 178H142Z' fill='${p.main}'/>` +
    rect(122, 164, 156, 42, 14, p.dark) +
    rect(110, 136, 30, 76, 12, p.main) +
    rect(260, 136, 30, 76, 12, p.main) +
    stroke("M142 210l-12 36M258 210l12 36", p.accent, 8)
  );
}

function table(p: Palette): string {
  return (
    SHADOW +
    rect(64, 116, 272, 18, 5, p.main) +
    rect(70, 132, 260, 7, 2, p.dark) +
    stroke("M96 140l-8 104M304 140l8 104M140 140l5 92M260 140l-5 92", p.dark, 10)
  );
}

function bed(p: Palette): string {
  return (
    SHADOW +
    rect(74, 70, 252, 130, 16, p.main) +
    rect(60, 150, 280, 36, 8, "#f5f2ec") +
    rect(96, 128, 90, 30, 12, "#fff") +
    rect(214, 128, 90, 30, 12, "#fff") +
    rect(60, 170, 280, 22, 6, p.light) +
    rect(54, 188, 292, 34, 8, p.dark) +
    stroke("M70 222v20M330 222v20", p.accent, 9)
  );
}

function cabinet(p: Palette): string {
  return (
    SHADOW +
    rect(74, 86, 252, 12, 3, p.dark) +
    rect(80, 96, 240, 130, 4, p.main) +
    stroke("M160 106v110M240 106v110", p.dark, 3) +
    `<g fill='${p.accent}'><circle cx='150' cy='160' r='4'/><circle cx='170' cy='160' r='4'/><circle cx='230' cy='160' r='4'/><circle cx='250' cy='160' r='4'/></g>` +
    stroke("M96 228v18M304 228v18", p.dark, 8)
  );
}

function lamp(p: Palette, pendant: boolean): string {
  if (pendant) {
    return (
      stroke("M200 0v96", p.accent, 3) +
      rect(186, 90, 28, 16, 4, p.accent) +
      `<circle cx='200' cy='160' r='62' fill='${p.main}'/>` +
      `<circle cx='180' cy='140' r='18' fill='#fff' opacity='.35'/>` +
      "<ellipse cx='200' cy='262' rx='110' ry='8' fill='#fff6d8' opacity='.7'/>"
    );
  }
  return (
    SHADOW +
    "<ellipse cx='200' cy='150' rx='92' ry='10' fill='#fff6d8' opacity='.8'/>" +
    rect(196, 140, 8, 96, 3, p.accent) +
    `<path d='M150 64H250L284 148H116Z' fill='${p.main}'/>` +
    `<ellipse cx='200' cy='240' rx='46' ry='9' fill='${p.dark}'/>`
  );
}

function rug(p: Palette): string {
  return (
    `<path d='M66 62H334M66 248H334' stroke='${p.light}' stroke-width='8' stroke-dasharray='2 6'/>` +
    rect(60, 66, 280, 178, 4, p.main) +
    `<rect x='78' y='84' width='244' height='142' fill='none' stroke='${p.light}' stroke-width='6'/>` +
    `<path d='M200 108l48 47-48 47-48-47zM118 155l20-20 20 20-20 20zM242 155l20-20 20 20-20 20z' fill='${p.dark}'/>`
  );
}

function decor(p: Palette, mirror: boolean): string {
  if (mirror) {
    return (
      SHADOW +
      `<circle cx='200' cy='140' r='96' fill='${p.accent}'/>` +
      "<circle cx='200' cy='140' r='86' fill='#dfe6ea'/>" +
      stroke("M150 110l40-40M160 150l70-70", "#fff", 8)
    );
  }
  return (
    SHADOW +
    stroke("M200 84Q190 44 158 30M204 84Q216 46 248 38", "#6f7a55", 3) +
    "<g fill='#8a9866'><ellipse cx='160' cy='34' rx='14' ry='6'/><ellipse cx='246' cy='42' rx='14' ry='6'/></g>" +
    `<path d='M180 80H220V100Q262 130 256 180Q250 240 200 242Q150 240 144 180Q138 130 180 100Z' fill='${p.main}'/>` +
    stroke("M164 140Q158 180 170 214", p.light, 6)
  );
}

function drawing(category: Category, name: string, p: Palette): string {
  switch (category) {
    case "sofas":
      return sofa(p);
    case "chairs":
      return chair(p);
    case "tables":
      return table(p);
    case "beds":
      return bed(p);
    case "storage":
      return cabinet(p);
    case "lighting":
      return lamp(p, /pendant/i.test(name));
    case "rugs":
      return rug(p);
    case "decor":
      return decor(p, /mirror/i.test(name));
  }
}

/**
 * A flat illustration of the product in the chosen variant's colour, as a
 * `data:image/svg+xml` URL (viewBox 0 0 400 300, roughly 1–2 KB).
 */
export function productIllustration(product: IllustrationSubject, variantIndex = 0): string {
  const options = product.variants[variantIndex]?.options ?? product.variants[0]?.options ?? {};
  const main = variantColor(options);
  const finish = options.finish === undefined ? undefined : colourOf(options.finish);
  const dark = mix(main, "#000000", 0.22);
  const palette: Palette = {
    main,
    dark,
    light: mix(main, "#ffffff", 0.4),
    accent: finish && finish !== main ? finish : mix(main, "#000000", 0.4),
  };
  const background = luminance(main) > 0.72 ? "#d9d1c5" : mix(main, "#f6f2ec", 0.86);
  const svg =
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 400 300'>" +
    `<rect width='400' height='300' fill='${background}'/>` +
    drawing(product.category, product.name, palette) +
    "</svg>";
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
