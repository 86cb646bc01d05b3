/** The functions' structured log lines, as the Functions emulator prints them into the suite's log (`>  {json}`). */
import { readFileSync } from "node:fs";

export function functionLogLines(): Record<string, unknown>[] {
  const file = process.env.SHOWROOM_EMULATOR_LOG;
  if (!file) throw new Error("SHOWROOM_EMULATOR_LOG is not set: run this suite through `npm run with-emulators -- …`");
  return readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line) => {
      if (!line.startsWith(">  {")) return [];
      try {
        return [JSON.parse(line.slice(3)) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}
