/**
 * The Cloud CLI's Firestore emulator jar has no Main-Class, and firebase-tools
 * starts FIRESTORE_EMULATOR_BINARY_PATH with `java -jar`. A launcher jar that
 * holds only a manifest naming the entry point, with the component jar on its
 * Class-Path, bridges the two.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import yazl from "yazl";

export const FIRESTORE_MAIN_CLASS = "com.google.cloud.datastore.emulator.firestore.CloudFirestore";

/** Manifest lines may hold at most 72 bytes; longer ones continue after a newline and one space. */
export function manifestLine(name: string, value: string): string {
  const bytes = Buffer.from(`${name}: ${value}`, "utf8");
  // The first line holds 72 bytes; each continuation holds 71 after its leading space.
  const chunks = [bytes.subarray(0, 72).toString("utf8")];
  for (let start = 72; start < bytes.length; start += 71) {
    chunks.push(bytes.subarray(start, start + 71).toString("utf8"));
  }
  return chunks.join("\r\n ") + "\r\n";
}

export function launcherManifest(componentJar: string): string {
  return (
    manifestLine("Manifest-Version", "1.0") +
    manifestLine("Main-Class", FIRESTORE_MAIN_CLASS) +
    manifestLine("Class-Path", pathToFileURL(componentJar).href) +
    manifestLine("Created-By", "showroom scripts/emulators") +
    "\r\n"
  );
}

/** Writes `<dir>/firestore-launcher.jar` for `componentJar` (again only when it changed). */
export async function ensureLauncherJar(componentJar: string, dir: string): Promise<string> {
  const jarPath = path.join(dir, "firestore-launcher.jar");
  const manifest = launcherManifest(componentJar);
  const stampPath = `${jarPath}.manifest`;
  if (fs.existsSync(jarPath) && fs.existsSync(stampPath) && fs.readFileSync(stampPath, "utf8") === manifest) {
    return jarPath;
  }
  fs.mkdirSync(dir, { recursive: true });
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(manifest, "utf8"), "META-INF/MANIFEST.MF", { mtime: new Date(0) });
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const tmp = `${jarPath}.tmp`;
    zip.outputStream
      .pipe(fs.createWriteStream(tmp))
      .on("close", () => {
        fs.renameSync(tmp, jarPath);
        resolve();
      })
      .on("error", reject);
  });
  fs.writeFileSync(stampPath, manifest);
  return jarPath;
}
