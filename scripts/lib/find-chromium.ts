/**
 * Finds a Chromium (or Chrome) for the browser tests where people have one:
 * an explicit CHROMIUM_PATH, Debian's /usr/bin/chromium, the usual names on
 * PATH, then Playwright's own browser cache. Pure: every look at the machine
 * goes through `deps`, so the order is unit-tested.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type ChromiumSource = { kind: "env" | "system" | "path" | "playwright-cache"; executablePath: string };

export interface ChromiumDeps {
  env: Record<string, string | undefined>;
  homeDir: string;
  /** Is `file` there (and, for PATH entries, a file rather than a folder)? */
  exists(file: string): boolean;
  /** Entry names in `dir`; empty when it does not exist. */
  list(dir: string): string[];
}

/** The one command that installs it on Debian/Ubuntu, which is what CI and the project's machines run. */
export const CHROMIUM_INSTALL_COMMAND = "sudo apt-get install chromium";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";
const PATH_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
/** Playwright lays its Chromium out as `chromium-<revision>/chrome-linux/chrome` (`chrome-linux64` in later releases). */
const PLAYWRIGHT_LAYOUTS = [path.join("chrome-linux", "chrome"), path.join("chrome-linux64", "chrome")];

export class MissingChromiumError extends Error {
  constructor(detail: string) {
    super(
      `No Chromium for the browser tests. Install it with:\n  ${CHROMIUM_INSTALL_COMMAND}\n(or set CHROMIUM_PATH to a Chrome or Chromium binary)\n${detail}`,
    );
    this.name = "MissingChromiumError";
  }
}

export function resolveChromium(deps: ChromiumDeps): ChromiumSource {
  const explicit = deps.env.CHROMIUM_PATH;
  if (explicit) {
    // An explicit choice that is wrong is an error, not a reason to guess further.
    if (!deps.exists(explicit)) throw new MissingChromiumError(`CHROMIUM_PATH=${explicit} does not exist.`);
    return { kind: "env", executablePath: explicit };
  }
  if (deps.exists(DEBIAN_CHROMIUM)) return { kind: "system", executablePath: DEBIAN_CHROMIUM };

  const pathDirs = (deps.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const name of PATH_NAMES) {
    for (const dir of pathDirs) {
      const candidate = path.join(dir, name);
      if (deps.exists(candidate)) return { kind: "path", executablePath: candidate };
    }
  }

  const cache = deps.env.PLAYWRIGHT_BROWSERS_PATH || path.join(deps.homeDir, ".cache", "ms-playwright");
  const revisions = deps
    .list(cache)
    .filter((entry) => /^chromium-\d+$/.test(entry))
    .sort((a, b) => revision(b) - revision(a));
  for (const entry of revisions) {
    for (const layout of PLAYWRIGHT_LAYOUTS) {
      const candidate = path.join(cache, entry, layout);
      if (deps.exists(candidate)) return { kind: "playwright-cache", executablePath: candidate };
    }
  }

  throw new MissingChromiumError(`Looked for ${DEBIAN_CHROMIUM}, for ${PATH_NAMES.join(", ")} on PATH, and in Playwright's cache ${cache}.`);
}

function revision(entry: string): number {
  return Number(entry.slice("chromium-".length));
}

/** `resolveChromium` on this machine. */
export function findChromium(): ChromiumSource {
  return resolveChromium({
    env: process.env,
    homeDir: os.homedir(),
    exists: (file) => fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false,
    list: (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []),
  });
}
