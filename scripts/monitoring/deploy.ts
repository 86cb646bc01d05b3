/**
 * `npm run monitoring:deploy -- --project <id> [--region us-central1]
 * [--notification-channels <id,…>] [--dry-run]`: creates or updates the
 * log-based metrics, alert policies and the uptime check in `monitoring/`
 * with the Cloud CLI (`gcloud`, signed in to the project). Policies and the
 * uptime check are matched to existing ones by display name, so a rerun
 * updates rather than duplicates. `--dry-run` prints the commands only.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadMetrics, loadPolicies, MONITORING_DIR, uptimeCheckFlags } from "./definitions.js";

const UPTIME_CHECK = "showroom-health";

const { values } = parseArgs({
  options: {
    project: { type: "string" },
    region: { type: "string", default: "us-central1" },
    "notification-channels": { type: "string" },
    "dry-run": { type: "boolean", default: false },
  },
});
if (!values.project) {
  console.error("Usage: npm run monitoring:deploy -- --project <id> [--region us-central1] [--notification-channels <id,…>] [--dry-run]");
  process.exit(2);
}
const project = values.project;
const dryRun = values["dry-run"];

/** Runs gcloud (or prints it on a dry run); answers stdout, throws on failure unless `allowFailure`. */
function gcloud(args: string[], { allowFailure = false, reads = false } = {}): string | null {
  const full = [...args, `--project=${project}`];
  if (dryRun && !reads) {
    console.log(`gcloud ${full.join(" ")}`);
    return "";
  }
  const result = spawnSync("gcloud", full, { encoding: "utf8" });
  if (result.status !== 0) {
    if (allowFailure) return null;
    throw new Error(`gcloud ${full.join(" ")} failed:\n${result.stderr}`);
  }
  return result.stdout;
}

/** The resource name of the existing policy or uptime check with this display name, if any. */
function existingByDisplayName(listArgs: string[], displayName: string): string | undefined {
  if (dryRun) return undefined;
  const list = JSON.parse(gcloud([...listArgs, "--format=json"], { reads: true }) ?? "[]") as { name: string; displayName: string }[];
  return list.find((item) => item.displayName === displayName)?.name;
}

for (const metric of loadMetrics()) {
  const file = path.join(MONITORING_DIR, "metrics", `${metric.name}.json`);
  const exists = !dryRun && gcloud(["logging", "metrics", "describe", metric.name], { allowFailure: true, reads: true }) !== null;
  gcloud(["logging", "metrics", exists ? "update" : "create", metric.name, `--config-from-file=${file}`]);
}

const channels = values["notification-channels"] ? [`--notification-channels=${values["notification-channels"]}`] : [];
for (const policy of loadPolicies()) {
  const file = path.join(MONITORING_DIR, "alert-policies", policy.file);
  const existing = existingByDisplayName(["alpha", "monitoring", "policies", "list"], policy.displayName);
  if (existing) gcloud(["alpha", "monitoring", "policies", "update", existing, `--policy-from-file=${file}`]);
  else gcloud(["alpha", "monitoring", "policies", "create", `--policy-from-file=${file}`, ...channels]);
}

const flagsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "uptime-")), "uptime-check.json");
fs.writeFileSync(flagsFile, uptimeCheckFlags(project, values.region));
const existingCheck = existingByDisplayName(["monitoring", "uptime", "list-configs"], UPTIME_CHECK);
if (existingCheck) console.log(`Uptime check ${UPTIME_CHECK} exists (${existingCheck}); delete it first to change it.`);
else gcloud(["monitoring", "uptime", "create", UPTIME_CHECK, `--flags-file=${flagsFile}`]);
