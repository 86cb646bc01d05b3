import { execFileSync } from "node:child_process";
import { ROOT } from "./config.js";

/** The Functions emulator loads functions/lib: build it before every start. */
export function buildFunctions(): void {
  execFileSync("npm", ["run", "--silent", "build", "-w", "functions"], { cwd: ROOT, stdio: "inherit" });
}
