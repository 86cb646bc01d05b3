/**
 * The monitoring definitions kept as code in `monitoring/`: log-based metrics
 * (Cloud Logging `LogMetric` JSON, named by their file), alert policies (Cloud
 * Monitoring `AlertPolicy` JSON) and the uptime check (a `gcloud monitoring
 * uptime create` flags file). Read and checked here, deployed by deploy.ts,
 * matched against the functions' own log lines by definitions.test.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

export const MONITORING_DIR = path.resolve(import.meta.dirname, "../../monitoring");

const LabelSchema = z.object({ key: z.string().regex(/^[a-z_]+$/), valueType: z.literal("STRING"), description: z.string().min(1) });

const MetricSchema = z.strictObject({
  description: z.string().min(1),
  filter: z.string().min(1),
  metricDescriptor: z.strictObject({
    metricKind: z.literal("DELTA"),
    valueType: z.enum(["INT64", "DISTRIBUTION"]),
    unit: z.string(),
    labels: z.array(LabelSchema).optional(),
  }),
  valueExtractor: z.string().optional(),
  labelExtractors: z.record(z.string(), z.string()).optional(),
  bucketOptions: z.object({ exponentialBuckets: z.object({ numFiniteBuckets: z.number(), growthFactor: z.number(), scale: z.number() }) }).optional(),
});
export type Metric = z.infer<typeof MetricSchema> & { name: string };

const ConditionSchema = z.looseObject({
  displayName: z.string().min(1),
  conditionThreshold: z.looseObject({ filter: z.string(), denominatorFilter: z.string().optional() }).optional(),
  conditionAbsent: z.looseObject({ filter: z.string() }).optional(),
});
const PolicySchema = z.looseObject({
  displayName: z.string().startsWith("Showroom: "),
  documentation: z.object({ content: z.string().includes("docs/operations.md"), mimeType: z.literal("text/markdown") }),
  conditions: z.array(ConditionSchema).min(1),
});
export type Policy = z.infer<typeof PolicySchema> & { file: string };

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, "utf8"));
const jsonFiles = (dir: string) =>
  fs
    .readdirSync(path.join(MONITORING_DIR, dir))
    .filter((f) => f.endsWith(".json"))
    .sort();

export function loadMetrics(): Metric[] {
  return jsonFiles("metrics").map((file) => ({
    ...MetricSchema.parse(readJson(path.join(MONITORING_DIR, "metrics", file))),
    name: path.basename(file, ".json"),
  }));
}

export function loadPolicies(): Policy[] {
  return jsonFiles("alert-policies").map((file) => ({ ...PolicySchema.parse(readJson(path.join(MONITORING_DIR, "alert-policies", file))), file }));
}

/** The uptime check's flags file with the project and region filled in. */
export function uptimeCheckFlags(projectId: string, region: string): string {
  return fs.readFileSync(path.join(MONITORING_DIR, "uptime-check.json"), "utf8").replaceAll("${PROJECT_ID}", projectId).replaceAll("${REGION}", region);
}

/** A log entry as Cloud Logging stores the functions' structured lines: the JSON line becomes `jsonPayload`. */
export interface LogEntry {
  severity: string;
  jsonPayload: Record<string, unknown>;
}

/**
 * Whether a metric's log filter selects `entry`. Only the subset the metrics
 * use is understood — `jsonPayload.<field>="<text>"` clauses joined by AND —
 * and anything else throws, so a filter cannot pass the check by being misread.
 */
export function filterMatches(filter: string, entry: LogEntry): boolean {
  return filter.split(" AND ").every((clause) => {
    const m = /^jsonPayload\.([A-Za-z]+)="([^"]*)"$/.exec(clause.trim());
    if (!m) throw new Error(`Unsupported log filter clause: ${clause}`);
    return entry.jsonPayload[m[1]!] === m[2];
  });
}

/** The field an `EXTRACT(jsonPayload.x)` extractor reads. */
export function extractedField(extractor: string): string {
  const m = /^EXTRACT\(jsonPayload\.([A-Za-z]+)\)$/.exec(extractor);
  if (!m) throw new Error(`Unsupported extractor: ${extractor}`);
  return m[1]!;
}

/** The log-based metrics a monitoring filter names (`logging.googleapis.com/user/<name>`). */
export function metricsNamedIn(filter: string): string[] {
  return [...filter.matchAll(/logging\.googleapis\.com\/user\/([\w-]+)/g)].map((m) => m[1]!);
}

/** The metric label keys a monitoring filter compares (`metric.label.<key>`). */
export function labelsNamedIn(filter: string): string[] {
  return [...filter.matchAll(/metric\.label\.(\w+)/g)].map((m) => m[1]!);
}
