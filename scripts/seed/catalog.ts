/**
 * The demo catalog for the showroom: a furniture & decor store.
 *
 * Pure data and pure functions only (no Firestore, no I/O, no randomness), so the
 * seed script, the benchmark and the unit tests all see exactly the same catalog.
 * Variants are built by combining option axes (fabric, finish, size…) with a small
 * helper; stock is spread deterministically from each SKU's position in the catalog.
 */
import { DEFAULT_LOW_STOCK_THRESHOLD, slugify, stockStatus } from "@showroom/model";
import type { Category, Dimensions, StockPolicy, StockStatus } from "@showroom/model";

/** How a SKU is stocked when seeded: policy plus on-hand units per location. */
export interface SeedStockPlan {
  policy: StockPolicy;
  main: number;
  east: number;
  lowStockThreshold: number;
  leadTimeDays?: number;
  backorderLimit?: number;
}

/** A variant exactly as `VariantSchema` wants it, plus its stock plan. */
export interface SeedVariant {
  sku: string;
  label: string;
  options: Record<string, string>;
  priceCents: number;
  stock: SeedStockPlan;
}

export interface SeedProduct {
  /** Stable Firestore doc id; equal to `slug`. */
  id: string;
  name: string;
  slug: string;
  category: Category;
  description: string;
  materials: string[];
  dimensions: Dimensions;
  currency: "USD";
  featured?: boolean;
  /** Age of the product in days, for the "newest" sort. */
  createdDaysAgo: number;
  variants: SeedVariant[];
}

/* ------------------------------------------------------------------ axes */

interface AxisValue {
  value: string;
  code: string;
  upliftCents: number;
}

interface Axis {
  key: string;
  values: readonly AxisValue[];
}

const usd = (dollars: number): number => Math.round(dollars * 100);

const val = (value: string, code: string, upliftDollars = 0): AxisValue => ({
  value,
  code,
  upliftCents: usd(upliftDollars),
});

const axis = (key: string, ...values: AxisValue[]): Axis => ({ key, values });

// Fabrics (upholstery).
const VELVET_EMERALD = val("Velvet — Emerald", "VEL-EMR", 120);
const VELVET_RUST = val("Velvet — Rust", "VEL-RST", 120);
const VELVET_NAVY = val("Velvet — Navy", "VEL-NVY", 120);
const VELVET_BLUSH = val("Velvet — Blush", "VEL-BLS", 120);
const VELVET_MUSTARD = val("Velvet — Mustard", "VEL-MUS", 120);
const BOUCLE_IVORY = val("Bouclé — Ivory", "BOU-IVY", 180);
const BOUCLE_OAT = val("Bouclé — Oat", "BOU-OAT", 180);
const LINEN_SAND = val("Linen — Sand", "LIN-SND");
const LINEN_SAGE = val("Linen — Sage", "LIN-SGE");
const LINEN_SLATE = val("Linen — Slate", "LIN-SLT");
const WOOL_CHARCOAL = val("Wool — Charcoal", "WOL-CHR", 90);
const LEATHER_COGNAC = val("Leather — Cognac", "LEA-COG");
const LEATHER_BLACK = val("Leather — Black", "LEA-BLK");

// Wood and metal finishes.
const OAK = val("Oak", "OAK");
const WALNUT = val("Walnut", "WAL", 90);
const BLACK_ASH = val("Black ash", "BAS", 40);
const NATURAL_OAK = val("Natural oak", "NOAK");
const SMOKED_OAK = val("Smoked oak", "SOAK", 120);
const WHITE_LACQUER = val("White lacquer", "WHT", 30);
const NATURAL_CANE = val("Natural", "NAT");
const BLACK_CANE = val("Black", "BLK", 30);
const BRASS = val("Brass", "BRS", 20);
const MATTE_BLACK = val("Black", "BLK");
const CHROME = val("Chrome", "CHR", 10);

// Plain colours (lamps, rugs, decor).
const colour = (name: string, code: string, upliftDollars = 0): AxisValue => val(name, code, upliftDollars);

/* --------------------------------------------------------------- products */

interface ProductSpec {
  name: string;
  category: Category;
  /** SKU stem such as `SOF-ALBA`; axis codes are appended. */
  code: string;
  basePriceDollars: number;
  description: string;
  materials: string[];
  /** Width × depth × height in cm. */
  dims: readonly [number, number, number];
  axes: readonly Axis[];
  featured?: boolean;
}

const SPECS: readonly ProductSpec[] = [
  // ---------------------------------------------------------------- sofas
  {
    name: "Alba 3-Seater Sofa",
    category: "sofas",
    code: "SOF-ALBA",
    basePriceDollars: 2190,
    description:
      "A deep, low-slung sofa with feather-wrapped seat cushions and softly rounded arms. The kiln-dried hardwood frame is built to last decades, and every cover is removable for cleaning.",
    materials: ["Kiln-dried beech frame", "Feather-wrapped foam", "Solid oak legs"],
    dims: [214, 92, 78],
    axes: [axis("fabric", VELVET_EMERALD, BOUCLE_IVORY, LINEN_SAND, WOOL_CHARCOAL)],
    featured: true,
  },
  {
    name: "Margo Sofa",
    category: "sofas",
    code: "SOF-MARGO",
    basePriceDollars: 1690,
    description:
      "Margo pairs a tight, tailored back with plump loose seat cushions for a sofa that looks sharp and sits soft. Slim tapered legs keep it light enough for smaller living rooms.",
    materials: ["Solid pine frame", "Pocket-sprung seat", "Oiled oak legs"],
    dims: [196, 88, 80],
    axes: [
      axis("size", val("2-seater", "2S"), val("3-seater", "3S", 400)),
      axis("fabric", VELVET_RUST, VELVET_NAVY, LINEN_SAGE),
    ],
  },
  {
    name: "Oslo Modular Corner Sofa",
    category: "sofas",
    code: "SOF-OSLO",
    basePriceDollars: 3290,
    description:
      "A generous corner sofa made of four modules that bolt together in minutes and rearrange just as easily. The extra-deep chaise is made for long films and longer naps.",
    materials: ["Plywood and hardwood frame", "High-resilience foam", "Recycled fibre back cushions"],
    dims: [286, 168, 74],
    axes: [
      axis("orientation", val("Left-facing chaise", "LF"), val("Right-facing chaise", "RF")),
      axis("fabric", BOUCLE_IVORY, WOOL_CHARCOAL, LINEN_SAND),
    ],
  },
  {
    name: "Ferro Leather Sofa",
    category: "sofas",
    code: "SOF-FERRO",
    basePriceDollars: 2490,
    description:
      "Full-grain, vegetable-tanned leather over a sturdy steel-reinforced frame. It arrives a little firm and softens into a warm patina with every year of use.",
    materials: ["Full-grain leather", "Steel-reinforced hardwood frame", "Powder-coated steel legs"],
    dims: [202, 90, 76],
    axes: [
      axis("size", val("2-seater", "2S"), val("3-seater", "3S", 600)),
      axis("leather", LEATHER_COGNAC, LEATHER_BLACK),
    ],
  },
  {
    name: "Nell Loveseat",
    category: "sofas",
    code: "SOF-NELL",
    basePriceDollars: 1290,
    description:
      "A compact two-seater with a curved, channel-stitched back and a pleated skirt. Sized for reading corners, bedrooms and first apartments.",
    materials: ["Solid birch frame", "Foam and fibre seat", "Cotton-blend lining"],
    dims: [152, 84, 82],
    axes: [axis("fabric", VELVET_BLUSH, VELVET_MUSTARD, BOUCLE_OAT)],
  },
  {
    name: "Rhea Sleeper Sofa",
    category: "sofas",
    code: "SOF-RHEA",
    basePriceDollars: 1890,
    description:
      "By day a clean-lined three-seater, by night a full-size bed with a 14 cm memory-foam mattress. The mechanism opens in one smooth pull and needs no cushion shuffling.",
    materials: ["Hardwood frame", "Steel sleeper mechanism", "Memory-foam mattress"],
    dims: [208, 96, 84],
    axes: [axis("fabric", LINEN_SAND, LINEN_SLATE, VELVET_EMERALD)],
  },

  // --------------------------------------------------------------- chairs
  {
    name: "Margo Lounge Chair",
    category: "chairs",
    code: "CHR-MARGO",
    basePriceDollars: 890,
    description:
      "The Margo silhouette in a single-seat lounge chair, with a high back that cradles the shoulders. Pair it with the matching sofa or let it stand alone by the window.",
    materials: ["Solid pine frame", "Pocket-sprung seat", "Oiled oak legs"],
    dims: [78, 84, 86],
    axes: [axis("fabric", BOUCLE_IVORY, VELVET_EMERALD, VELVET_RUST, LINEN_SAND)],
    featured: true,
  },
  {
    name: "Tove Dining Chair",
    category: "chairs",
    code: "CHR-TOVE",
    basePriceDollars: 245,
    description:
      "A solid-wood dining chair with a steam-bent backrest that follows the curve of your back. Stackable two high, and finished with a hard-wax oil that shrugs off spills.",
    materials: ["Solid wood", "Hard-wax oil finish"],
    dims: [48, 52, 79],
    axes: [axis("finish", OAK, WALNUT, BLACK_ASH)],
  },
  {
    name: "Ines Armchair",
    category: "chairs",
    code: "CHR-INES",
    basePriceDollars: 1150,
    description:
      "A wingback reimagined with softer lines and a slightly reclined seat. Hand-tufted buttons and a loose seat cushion make it the most comfortable chair in the house.",
    materials: ["Beech frame", "Feather and foam cushion", "Walnut-stained legs"],
    dims: [82, 88, 104],
    axes: [axis("fabric", VELVET_NAVY, LINEN_SAGE, WOOL_CHARCOAL)],
  },
  {
    name: "Kiri Rattan Accent Chair",
    category: "chairs",
    code: "CHR-KIRI",
    basePriceDollars: 420,
    description:
      "Hand-woven rattan wrapped around a bent-cane frame, light enough to move with one hand. A linen seat pad is included.",
    materials: ["Natural rattan", "Bent cane frame", "Linen seat pad"],
    dims: [70, 72, 78],
    axes: [axis("finish", NATURAL_CANE, BLACK_CANE)],
  },
  {
    name: "Bram Counter Stool",
    category: "chairs",
    code: "CHR-BRAM",
    basePriceDollars: 285,
    description:
      "A saddle-shaped solid-wood seat on splayed legs with a steel footrest. Choose the counter height for 90 cm islands or the bar height for 105 cm bars.",
    materials: ["Solid wood", "Powder-coated steel footrest"],
    dims: [44, 40, 75],
    axes: [
      axis("finish", OAK, WALNUT, BLACK_ASH),
      axis("height", val("Counter 65 cm", "65"), val("Bar 75 cm", "75", 20)),
    ],
  },
  {
    name: "Lune Swivel Chair",
    category: "chairs",
    code: "CHR-LUNE",
    basePriceDollars: 1090,
    description:
      "A rounded, barrel-back chair on a weighted 360° swivel base. It turns smoothly toward the conversation and returns quietly to face the room.",
    materials: ["Plywood shell", "High-resilience foam", "Steel swivel base"],
    dims: [80, 78, 74],
    axes: [axis("fabric", BOUCLE_IVORY, BOUCLE_OAT, VELVET_MUSTARD)],
  },

  // --------------------------------------------------------------- tables
  {
    name: "Tove Oak Dining Table",
    category: "tables",
    code: "TBL-TOVE",
    basePriceDollars: 1490,
    description:
      "A solid European oak table with softly bevelled edges and sturdy trestle-style legs. Each top is hand-finished, so the grain of every table is its own.",
    materials: ["Solid European oak", "Hard-wax oil finish"],
    dims: [200, 95, 75],
    axes: [
      axis("size", val("160 cm", "160"), val("200 cm", "200", 300), val("240 cm", "240", 600)),
      axis("finish", NATURAL_OAK, SMOKED_OAK),
    ],
    featured: true,
  },
  {
    name: "Pia Round Coffee Table",
    category: "tables",
    code: "TBL-PIA",
    basePriceDollars: 590,
    description:
      "A round coffee table on a sculpted pedestal base, with no corners to catch a shin. The top is veneered in book-matched wood over a stable birch core.",
    materials: ["Wood veneer", "Birch plywood core", "Solid wood base"],
    dims: [90, 90, 38],
    axes: [axis("finish", WALNUT, BLACK_ASH, OAK)],
  },
  {
    name: "Sable Marble Side Table",
    category: "tables",
    code: "TBL-SABLE",
    basePriceDollars: 420,
    description:
      "A honed marble top on a slim powder-coated steel frame. Every slab is cut from a single block, so veining varies from table to table.",
    materials: ["Honed marble", "Powder-coated steel"],
    dims: [45, 45, 55],
    axes: [axis("top", val("Carrara marble", "CAR"), val("Nero marble", "NER", 40))],
  },
  {
    name: "Edda Extending Dining Table",
    category: "tables",
    code: "TBL-EDDA",
    basePriceDollars: 1890,
    description:
      "Seats six every day and ten when family comes over, thanks to a butterfly leaf stored inside the table. The extension glides out on wooden runners without tools.",
    materials: ["Solid wood", "Wood veneer leaf", "Beech runners"],
    dims: [180, 90, 75],
    axes: [
      axis("finish", OAK, WALNUT),
      axis("size", val("180–240 cm", "180"), val("220–300 cm", "220", 400)),
    ],
  },
  {
    name: "Juno Console Table",
    category: "tables",
    code: "TBL-JUNO",
    basePriceDollars: 790,
    description:
      "A narrow console with a lower shelf for baskets or books, just 35 cm deep for hallways. Joined with traditional mortise-and-tenon joints.",
    materials: ["Solid wood", "Mortise-and-tenon joinery"],
    dims: [140, 35, 80],
    axes: [axis("finish", WALNUT, BLACK_ASH)],
  },
  {
    name: "Loft Writing Desk",
    category: "tables",
    code: "TBL-LOFT",
    basePriceDollars: 980,
    description:
      "A clean writing desk with a shallow felt-lined drawer and a hidden cable channel at the back. Big enough for a laptop and a lamp, small enough for a bedroom corner.",
    materials: ["Solid wood", "Wool felt drawer lining"],
    dims: [120, 60, 75],
    axes: [axis("finish", OAK, WALNUT, BLACK_ASH)],
  },

  // ----------------------------------------------------------------- beds
  {
    name: "Haven Upholstered Bed",
    category: "beds",
    code: "BED-HAVEN",
    basePriceDollars: 1490,
    description:
      "A tall, gently curved headboard padded for reading in bed, on a low upholstered frame. Sprung wooden slats are included; just add your mattress.",
    materials: ["Solid pine frame", "Sprung beech slats", "Foam-padded headboard"],
    dims: [168, 218, 120],
    axes: [
      axis("size", val("Queen", "Q"), val("King", "K", 300)),
      axis("fabric", LINEN_SAND, VELVET_NAVY, BOUCLE_IVORY),
    ],
    featured: true,
  },
  {
    name: "Tove Oak Bed",
    category: "beds",
    code: "BED-TOVE",
    basePriceDollars: 1690,
    description:
      "The Tove family's bed in solid oak, with a slatted headboard and rounded corners. It assembles with hidden brass fittings and no visible screws.",
    materials: ["Solid European oak", "Brass fittings", "Beech slats"],
    dims: [170, 216, 95],
    axes: [
      axis("size", val("Queen", "Q"), val("King", "K", 350)),
      axis("finish", NATURAL_OAK, SMOKED_OAK),
    ],
  },
  {
    name: "Nara Platform Bed",
    category: "beds",
    code: "BED-NARA",
    basePriceDollars: 1290,
    description:
      "A low Japanese-inspired platform that floats a few centimetres above the floor. The wide ledge around the mattress doubles as a bedside shelf.",
    materials: ["Solid wood", "Plywood platform"],
    dims: [180, 220, 32],
    axes: [
      axis("size", val("Full", "F"), val("Queen", "Q", 150), val("King", "K", 350)),
      axis("finish", WALNUT, BLACK_ASH),
    ],
  },
  {
    name: "Wren Canopy Bed",
    category: "beds",
    code: "BED-WREN",
    basePriceDollars: 1990,
    description:
      "A slender steel four-poster that draws the eye up without crowding the room. Drape it with linen or leave it bare for a crisp architectural outline.",
    materials: ["Powder-coated steel", "Beech slats"],
    dims: [172, 218, 200],
    axes: [
      axis("size", val("Queen", "Q"), val("King", "K", 300)),
      axis("finish", BRASS, MATTE_BLACK),
    ],
  },
  {
    name: "Cleo Daybed",
    category: "beds",
    code: "BED-CLEO",
    basePriceDollars: 1150,
    description:
      "A twin-size daybed with three padded sides, at home in a study, a guest room or a sunny landing. Two bolster cushions turn it into a sofa by day.",
    materials: ["Hardwood frame", "Foam mattress", "Feather bolsters"],
    dims: [200, 96, 72],
    axes: [axis("fabric", LINEN_SAGE, VELVET_RUST, BOUCLE_IVORY)],
  },
  {
    name: "Otto Storage Bed",
    category: "beds",
    code: "BED-OTTO",
    basePriceDollars: 1790,
    description:
      "The whole mattress platform lifts on gas struts to reveal a deep storage well for bedding and suitcases. From the outside it looks like a simple tailored bed.",
    materials: ["Plywood base", "Gas-lift struts", "Upholstered frame"],
    dims: [170, 215, 110],
    axes: [
      axis("size", val("Queen", "Q"), val("King", "K", 300)),
      axis("fabric", WOOL_CHARCOAL, LINEN_SAND),
    ],
  },

  // -------------------------------------------------------------- storage
  {
    name: "Sten Sideboard",
    category: "storage",
    code: "STO-STEN",
    basePriceDollars: 1390,
    description:
      "Ribbed sliding doors glide over adjustable shelves and a cable-ready back panel. Wide enough for dinnerware, a record collection or a low television.",
    materials: ["Solid wood", "Wood veneer", "Soft-close runners"],
    dims: [160, 45, 72],
    axes: [
      axis("finish", OAK, WALNUT, BLACK_ASH),
      axis("width", val("160 cm", "160"), val("200 cm", "200", 350)),
    ],
    featured: true,
  },
  {
    name: "Vela Bookcase",
    category: "storage",
    code: "STO-VELA",
    basePriceDollars: 690,
    description:
      "An open bookcase with five shelves and a slender frame that lets the books take centre stage. Wall fixings are included for safety.",
    materials: ["Wood veneer", "Solid wood edges"],
    dims: [90, 35, 190],
    axes: [axis("finish", OAK, WALNUT, WHITE_LACQUER)],
  },
  {
    name: "Arlo 6-Drawer Dresser",
    category: "storage",
    code: "STO-ARLO",
    basePriceDollars: 1290,
    description:
      "Six deep, dovetailed drawers on full-extension runners, with finger-pull grooves instead of handles. Enough room for two wardrobes' worth of knitwear.",
    materials: ["Solid wood", "Dovetail joinery", "Full-extension runners"],
    dims: [150, 48, 82],
    axes: [axis("finish", OAK, WALNUT)],
  },
  {
    name: "Mika Nightstand",
    category: "storage",
    code: "STO-MIKA",
    basePriceDollars: 340,
    description:
      "A compact bedside table with one drawer and an open shelf for the book you are reading. The top is sized for a lamp, a glass and a phone.",
    materials: ["Solid wood", "Wood veneer"],
    dims: [45, 38, 55],
    axes: [axis("finish", OAK, WALNUT, BLACK_ASH)],
  },
  {
    name: "Tilde Media Console",
    category: "storage",
    code: "STO-TILDE",
    basePriceDollars: 990,
    description:
      "A low media unit with perforated doors that let remote controls through and keep cables out of sight. Holds screens up to 85 inches.",
    materials: ["Wood veneer", "Perforated steel doors", "Solid wood legs"],
    dims: [180, 42, 52],
    axes: [
      axis("finish", WALNUT, BLACK_ASH),
      axis("width", val("180 cm", "180"), val("220 cm", "220", 250)),
    ],
  },
  {
    name: "Ode Cane Cabinet",
    category: "storage",
    code: "STO-ODE",
    basePriceDollars: 1190,
    description:
      "A tall cabinet with woven-cane door panels that let it breathe and soften its lines. Inside are two adjustable shelves and a hanging rail.",
    materials: ["Solid wood", "Woven cane", "Brass hinges"],
    dims: [100, 45, 160],
    axes: [axis("finish", NATURAL_CANE, BLACK_CANE)],
  },

  // ------------------------------------------------------------- lighting
  {
    name: "Orb Glass Pendant",
    category: "lighting",
    code: "LGT-ORB",
    basePriceDollars: 220,
    description:
      "A hand-blown opal glass globe that spreads a soft, even glow over a dining table. Hangs from an adjustable cloth cord up to 2 m long.",
    materials: ["Mouth-blown opal glass", "Metal ceiling canopy", "Cloth cord"],
    dims: [30, 30, 32],
    axes: [
      axis("finish", BRASS, MATTE_BLACK, CHROME),
      axis("size", val("Ø 30 cm", "30"), val("Ø 45 cm", "45", 80)),
    ],
    featured: true,
  },
  {
    name: "Arc Floor Lamp",
    category: "lighting",
    code: "LGT-ARC",
    basePriceDollars: 420,
    description:
      "A sweeping steel arc that reaches over a sofa from a weighted marble foot. The dimmer is built into the foot switch.",
    materials: ["Steel", "Marble base", "Linen shade"],
    dims: [40, 160, 200],
    axes: [axis("finish", BRASS, MATTE_BLACK)],
  },
  {
    name: "Lin Linen Table Lamp",
    category: "lighting",
    code: "LGT-LIN",
    basePriceDollars: 140,
    description:
      "A turned-oak base topped with a pleated linen drum shade. It casts a warm, diffused light that suits living rooms and bedsides alike.",
    materials: ["Turned oak", "Pleated linen shade"],
    dims: [32, 32, 52],
    axes: [axis("shade", colour("Ivory", "IVY"), colour("Sand", "SND"), colour("Sage", "SGE"))],
  },
  {
    name: "Pleat Ceramic Table Lamp",
    category: "lighting",
    code: "LGT-PLEAT",
    basePriceDollars: 180,
    description:
      "A fluted ceramic base glazed by hand in small batches, so no two are identical. Sold with a matching paper-pleat shade.",
    materials: ["Glazed stoneware", "Pleated paper shade"],
    dims: [30, 30, 48],
    axes: [axis("colour", colour("Rust", "RST"), colour("Sage", "SGE"), colour("Ivory", "IVY"))],
  },
  {
    name: "Nova Wall Sconce",
    category: "lighting",
    code: "LGT-NOVA",
    basePriceDollars: 160,
    description:
      "A swing-arm wall light that folds flat when not in use. Plug-in with a fabric cord, so no electrician is needed.",
    materials: ["Steel", "Fabric cord"],
    dims: [18, 45, 28],
    axes: [axis("finish", BRASS, MATTE_BLACK)],
  },
  {
    name: "Dome Desk Lamp",
    category: "lighting",
    code: "LGT-DOME",
    basePriceDollars: 95,
    description:
      "A small powder-coated dome lamp with a pivoting head and a solid steel base. Just the right scale for desks, shelves and nightstands.",
    materials: ["Powder-coated steel"],
    dims: [20, 20, 38],
    axes: [
      axis("colour", colour("Black", "BLK"), colour("Olive", "OLV"), colour("Terracotta", "TER")),
    ],
  },
  {
    name: "Kumo Paper Floor Lamp",
    category: "lighting",
    code: "LGT-KUMO",
    basePriceDollars: 210,
    description:
      "A tall washi-paper lantern on a slim bamboo frame that glows like a paper moon. Folds flat for moving day.",
    materials: ["Washi paper", "Bamboo frame", "Steel base"],
    dims: [45, 45, 120],
    axes: [axis("size", val("Medium 120 cm", "M"), val("Large 160 cm", "L", 70))],
  },

  // ----------------------------------------------------------------- rugs
  {
    name: "Dune Wool Rug",
    category: "rugs",
    code: "RUG-DUNE",
    basePriceDollars: 480,
    description:
      "A hand-tufted wool rug with a subtle high-low pile that echoes wind-blown sand. Dense, quiet underfoot and naturally stain-resistant.",
    materials: ["New Zealand wool", "Cotton backing"],
    dims: [160, 230, 1.5],
    axes: [
      axis(
        "size",
        val("160 × 230 cm", "160X230"),
        val("200 × 300 cm", "200X300", 300),
        val("250 × 350 cm", "250X350", 650),
      ),
      axis("colour", colour("Sand", "SND"), colour("Charcoal", "CHR")),
    ],
    featured: true,
  },
  {
    name: "Kilim Flatweave Rug",
    category: "rugs",
    code: "RUG-KILIM",
    basePriceDollars: 220,
    description:
      "A reversible flat-woven rug with a bold geometric pattern, woven on traditional looms. Light enough to shake out over the balcony.",
    materials: ["Wool", "Cotton warp"],
    dims: [120, 180, 0.6],
    axes: [
      axis("size", val("120 × 180 cm", "120X180"), val("160 × 230 cm", "160X230", 160)),
      axis("colour", colour("Rust", "RST"), colour("Navy", "NVY")),
    ],
  },
  {
    name: "Moss Jute Rug",
    category: "rugs",
    code: "RUG-MOSS",
    basePriceDollars: 260,
    description:
      "A chunky hand-braided jute rug that brings texture to wooden and stone floors. Natural fibres, naturally variable in tone.",
    materials: ["Jute"],
    dims: [160, 230, 1.2],
    axes: [
      axis("size", val("160 × 230 cm", "160X230"), val("200 × 300 cm", "200X300", 180)),
      axis("colour", colour("Natural", "NAT")),
    ],
  },
  {
    name: "Lumi Shag Rug",
    category: "rugs",
    code: "RUG-LUMI",
    basePriceDollars: 390,
    description:
      "A deep 4 cm shag in a soft wool-blend, made for bare feet in bedrooms and living rooms. The tightly tufted base keeps shedding to a minimum.",
    materials: ["Wool blend", "Cotton backing"],
    dims: [160, 230, 4],
    axes: [
      axis("size", val("160 × 230 cm", "160X230"), val("200 × 300 cm", "200X300", 260)),
      axis("colour", colour("Ivory", "IVY"), colour("Sage", "SGE")),
    ],
  },
  {
    name: "Terra Round Rug",
    category: "rugs",
    code: "RUG-TERRA",
    basePriceDollars: 240,
    description:
      "A round cotton rug with a looped border, washable in a large machine. Anchors a reading chair or softens the space under a round table.",
    materials: ["Recycled cotton"],
    dims: [150, 150, 1],
    axes: [
      axis("size", val("Ø 150 cm", "150"), val("Ø 200 cm", "200", 140)),
      axis("colour", colour("Terracotta", "TER"), colour("Ochre", "OCH")),
    ],
  },
  {
    name: "Hale Hand-Knotted Rug",
    category: "rugs",
    code: "RUG-HALE",
    basePriceDollars: 980,
    description:
      "Hand-knotted by artisans over several weeks, with an abraded medallion design that feels instantly heirloom. Each rug carries the small irregularities of handwork.",
    materials: ["Hand-spun wool", "Cotton foundation"],
    dims: [200, 300, 1],
    axes: [
      axis("size", val("200 × 300 cm", "200X300"), val("250 × 350 cm", "250X350", 350)),
      axis("colour", colour("Navy", "NVY"), colour("Ivory", "IVY")),
    ],
  },

  // ---------------------------------------------------------------- decor
  {
    name: "Ola Ceramic Vase",
    category: "decor",
    code: "DEC-OLA",
    basePriceDollars: 45,
    description:
      "A softly rounded stoneware vase with a matte reactive glaze. Watertight, and lovely with or without a few stems.",
    materials: ["Stoneware", "Reactive glaze"],
    dims: [18, 18, 28],
    axes: [
      axis("size", val("Small", "S"), val("Large", "L", 30)),
      axis("colour", colour("Sage", "SGE"), colour("Ivory", "IVY"), colour("Rust", "RST")),
    ],
  },
  {
    name: "Rune Round Mirror",
    category: "decor",
    code: "DEC-RUNE",
    basePriceDollars: 180,
    description:
      "A round mirror in a thin metal frame that bounces light around hallways and bathrooms. Hangs from a single concealed cleat.",
    materials: ["Float glass mirror", "Steel frame"],
    dims: [60, 3, 60],
    axes: [
      axis("size", val("Ø 60 cm", "60"), val("Ø 90 cm", "90", 90)),
      axis("finish", BRASS, MATTE_BLACK),
    ],
  },
  {
    name: "Fen Linen Cushion",
    category: "decor",
    code: "DEC-FEN",
    basePriceDollars: 55,
    description:
      "Stonewashed European linen over a duck-feather insert, with a hidden zip. Washes softer every time.",
    materials: ["European linen", "Duck-feather insert"],
    dims: [50, 50, 15],
    axes: [
      axis(
        "colour",
        colour("Sand", "SND"),
        colour("Sage", "SGE"),
        colour("Rust", "RST"),
        colour("Navy", "NVY"),
      ),
    ],
  },
  {
    name: "Mara Wool Throw",
    category: "decor",
    code: "DEC-MARA",
    basePriceDollars: 120,
    description:
      "A chunky herringbone throw woven from lambswool, finished with a hand-knotted fringe. Generous enough to wrap two people on the sofa.",
    materials: ["Lambswool"],
    dims: [130, 180, 1],
    axes: [axis("colour", colour("Oat", "OAT"), colour("Charcoal", "CHR"), colour("Mustard", "MUS"))],
  },
  {
    name: "Sola Stoneware Bowl",
    category: "decor",
    code: "DEC-SOLA",
    basePriceDollars: 65,
    description:
      "A wide, shallow serving bowl thrown on the wheel and dipped in a satin glaze. Equally good for salads, fruit or keys by the door.",
    materials: ["Stoneware", "Satin glaze"],
    dims: [32, 32, 9],
    axes: [axis("colour", colour("Ivory", "IVY"), colour("Charcoal", "CHR"))],
  },
  {
    name: "Ivy Terracotta Planter",
    category: "decor",
    code: "DEC-IVY",
    basePriceDollars: 70,
    description:
      "A tapered planter with a drainage hole and a matching saucer, fired at high temperature for frost resistance. Sized for fiddle-leaf figs and olive trees.",
    materials: ["Terracotta", "Matte glaze"],
    dims: [30, 30, 32],
    axes: [
      axis("size", val("Medium", "M"), val("Large", "L", 40)),
      axis("colour", colour("Terracotta", "TER"), colour("Black", "BLK")),
    ],
  },
];

/* ------------------------------------------------------------- variants */

/** Cartesian product of the axes, first axis varying slowest. */
function combine(axes: readonly Axis[]): AxisValue[][] {
  let combos: AxisValue[][] = [[]];
  for (const ax of axes) {
    combos = combos.flatMap((combo) => ax.values.map((value) => [...combo, value]));
  }
  return combos;
}

type StockClass = "in_stock" | "low_stock" | "out_of_stock" | "made_to_order" | "backorder";

/** 20 slots: 12 in stock (60%), 3 low (15%), 2 out (10%), 2 made to order (10%), 1 backorder (5%). */
const STOCK_PATTERN: readonly StockClass[] = [
  ...Array<StockClass>(12).fill("in_stock"),
  ...Array<StockClass>(3).fill("low_stock"),
  ...Array<StockClass>(2).fill("out_of_stock"),
  ...Array<StockClass>(2).fill("made_to_order"),
  "backorder",
];

/**
 * The stock plan for the n-th SKU of the catalog. Stepping through the pattern by 7
 * (coprime with 20) spreads the classes across products while keeping exact
 * proportions over every 20 consecutive SKUs.
 */
export function stockPlanFor(n: number): SeedStockPlan {
  const cls = STOCK_PATTERN[(n * 7) % STOCK_PATTERN.length] ?? "in_stock";
  const lowStockThreshold = DEFAULT_LOW_STOCK_THRESHOLD;
  switch (cls) {
    case "in_stock": {
      const total = 8 + ((n * 11) % 33); // 8–40 units
      const east = Math.floor((total * (3 + (n % 4))) / 10); // 30–60% in the east
      return { policy: "stock", main: total - east, east, lowStockThreshold };
    }
    case "low_stock": {
      const total = 1 + (n % 3); // 1–3 units
      const main = n % 2 === 0 ? total : Math.floor(total / 2);
      return { policy: "stock", main, east: total - main, lowStockThreshold };
    }
    case "out_of_stock":
      return { policy: "stock", main: 0, east: 0, lowStockThreshold };
    case "made_to_order":
      return { policy: "made_to_order", main: 0, east: 0, lowStockThreshold, leadTimeDays: 28 + 7 * (n % 7) };
    case "backorder":
      return { policy: "backorder", main: 0, east: 0, lowStockThreshold, backorderLimit: 5 + (n % 6) };
  }
}

/** The public status a stock plan produces, by the model's shared rule. */
export function planStatus(plan: SeedStockPlan): StockStatus {
  return stockStatus({
    sellable: plan.main + plan.east,
    policy: plan.policy,
    lowStockThreshold: plan.lowStockThreshold,
    ...(plan.backorderLimit === undefined ? {} : { backorderLimit: plan.backorderLimit }),
  });
}

function buildVariants(spec: ProductSpec, firstSkuIndex: number): SeedVariant[] {
  return combine(spec.axes).map((combo, i) => {
    const options: Record<string, string> = {};
    spec.axes.forEach((ax, a) => {
      const chosen = combo[a];
      if (chosen) options[ax.key] = chosen.value;
    });
    return {
      sku: [spec.code, ...combo.map((c) => c.code)].join("-"),
      label: combo.map((c) => c.value).join(" / "),
      options,
      priceCents: usd(spec.basePriceDollars) + combo.reduce((sum, c) => sum + c.upliftCents, 0),
      stock: stockPlanFor(firstSkuIndex + i),
    };
  });
}

function buildCatalog(specs: readonly ProductSpec[]): SeedProduct[] {
  let skuIndex = 0;
  return specs.map((spec, i) => {
    const slug = slugify(spec.name);
    const variants = buildVariants(spec, skuIndex);
    skuIndex += variants.length;
    const [widthCm, depthCm, heightCm] = spec.dims;
    const product: SeedProduct = {
      id: slug,
      name: spec.name,
      slug,
      category: spec.category,
      description: spec.description,
      materials: [...spec.materials],
      dimensions: { widthCm, depthCm, heightCm },
      currency: "USD",
      // 29 is coprime with 240, so every product gets a distinct age of 2–241 days.
      createdDaysAgo: 2 + ((i * 29) % 240),
      variants,
    };
    if (spec.featured) product.featured = true;
    return product;
  });
}

export const seedCatalog: SeedProduct[] = buildCatalog(SPECS);

export function seedProducts(): SeedProduct[] {
  return seedCatalog;
}

/* ---------------------------------------------------------- benchmark */

function cloneProduct(product: SeedProduct, batch: number): SeedProduct {
  const tag = `B${String(batch).padStart(4, "0")}`;
  const slug = `${product.slug}-${tag.toLowerCase()}`;
  return {
    ...product,
    id: slug,
    slug,
    name: `${product.name} ${tag}`,
    materials: [...product.materials],
    dimensions: { ...product.dimensions },
    createdDaysAgo: product.createdDaysAgo + batch,
    variants: product.variants.map((variant) => ({
      ...variant,
      sku: `${variant.sku}-${tag}`,
      options: { ...variant.options },
      stock: { ...variant.stock },
    })),
  };
}

/**
 * A synthetic large catalog for benchmarks: the base catalog followed by clones with
 * suffixed ids, slugs and SKUs (`-b0001` / `-B0001`, …), product by product, until at
 * least `targetSkus` SKUs exist. Deterministic for a given target.
 */
export function scaledCatalog(targetSkus: number): SeedProduct[] {
  if (!Number.isFinite(targetSkus)) throw new RangeError("targetSkus must be a finite number");
  const out: SeedProduct[] = [...seedCatalog];
  let skus = out.reduce((sum, p) => sum + p.variants.length, 0);
  for (let batch = 1; skus < targetSkus; batch++) {
    for (const product of seedCatalog) {
      if (skus >= targetSkus) break;
      out.push(cloneProduct(product, batch));
      skus += product.variants.length;
    }
  }
  return out;
}
