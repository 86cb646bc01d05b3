import { describe, expect, it } from "vitest";
import { CHROMIUM_INSTALL_COMMAND, MissingChromiumError, resolveChromium, type ChromiumDeps } from "./find-chromium.js";

const HOME = "/home/dev";
const CACHE = `${HOME}/.cache/ms-playwright`;

function deps(files: string[], env: Record<string, string> = {}, dirs: Record<string, string[]> = {}): ChromiumDeps {
  return { env: { PATH: "/usr/local/bin:/usr/bin:/snap/bin", ...env }, homeDir: HOME, exists: (f) => files.includes(f), list: (d) => dirs[d] ?? [] };
}

describe("resolveChromium", () => {
  it("prefers an explicit CHROMIUM_PATH over everything else", () => {
    expect(resolveChromium(deps(["/opt/chrome", "/usr/bin/chromium"], { CHROMIUM_PATH: "/opt/chrome" }))).toEqual({
      kind: "env",
      executablePath: "/opt/chrome",
    });
  });

  it("fails on a CHROMIUM_PATH that does not exist instead of guessing", () => {
    expect(() => resolveChromium(deps(["/usr/bin/chromium"], { CHROMIUM_PATH: "/nope/chrome" }))).toThrow(/CHROMIUM_PATH=\/nope\/chrome does not exist/);
  });

  it("uses Debian's /usr/bin/chromium next", () => {
    expect(resolveChromium(deps(["/usr/bin/chromium", "/usr/bin/google-chrome"]))).toEqual({ kind: "system", executablePath: "/usr/bin/chromium" });
  });

  it("finds chromium-browser, google-chrome and google-chrome-stable on PATH, in that order of names", () => {
    expect(resolveChromium(deps(["/snap/bin/chromium-browser", "/usr/bin/google-chrome"])).executablePath).toBe("/snap/bin/chromium-browser");
    expect(resolveChromium(deps(["/usr/bin/google-chrome-stable", "/usr/local/bin/google-chrome"])).executablePath).toBe("/usr/local/bin/google-chrome");
    expect(resolveChromium(deps(["/usr/bin/google-chrome-stable"]))).toEqual({ kind: "path", executablePath: "/usr/bin/google-chrome-stable" });
  });

  it("only looks on PATH for the names, not in folders that are not on it", () => {
    expect(() => resolveChromium(deps(["/opt/google/chrome/google-chrome"]))).toThrow(MissingChromiumError);
  });

  it("falls back to the newest Chromium in Playwright's cache", () => {
    const newest = `${CACHE}/chromium-1200/chrome-linux/chrome`;
    const source = resolveChromium(
      deps(
        [`${CACHE}/chromium-999/chrome-linux/chrome`, newest],
        {},
        { [CACHE]: ["chromium_headless_shell-1200", "chromium-999", "chromium-1200", "ffmpeg-1011"] },
      ),
    );
    expect(source).toEqual({ kind: "playwright-cache", executablePath: newest });
  });

  it("knows the chrome-linux64 layout and honours PLAYWRIGHT_BROWSERS_PATH", () => {
    const chrome = "/ci/browsers/chromium-1300/chrome-linux64/chrome";
    expect(resolveChromium(deps([chrome], { PLAYWRIGHT_BROWSERS_PATH: "/ci/browsers" }, { "/ci/browsers": ["chromium-1300"] })).executablePath).toBe(chrome);
  });

  it("names the one command that installs it, and where it looked, when there is none", () => {
    const attempt = () => resolveChromium(deps([]));
    expect(CHROMIUM_INSTALL_COMMAND).toBe("sudo apt-get install chromium");
    expect(attempt).toThrow(MissingChromiumError);
    expect(attempt).toThrow(CHROMIUM_INSTALL_COMMAND);
    expect(attempt).toThrow("google-chrome-stable on PATH");
    expect(attempt).toThrow(CACHE);
  });
});
