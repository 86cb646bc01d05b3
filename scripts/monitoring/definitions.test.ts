/**
 * The metrics as code must read what the functions really log: each metric's
 * filter is run against lines emitted by the real log functions
 * (functions/src/logs.ts), and each extractor must find its field there.
 */
import { logger } from "firebase-functions";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as logs from "../../functions/src/logs.js";
import { extractedField, filterMatches, labelsNamedIn, loadMetrics, loadPolicies, metricsNamedIn, uptimeCheckFlags, type LogEntry } from "./definitions.js";

const SEVERITY = { debug: "DEBUG", info: "INFO", warn: "WARNING", error: "ERROR" } as const;

/** Runs `emit` and returns the entries it logged, shaped as Cloud Logging stores them. */
function captured(emit: () => void): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const [method, severity] of Object.entries(SEVERITY)) {
    vi.spyOn(logger, method as keyof typeof SEVERITY).mockImplementation((message: unknown, data?: unknown) => {
      entries.push({ severity, jsonPayload: { message, ...(data as Record<string, unknown> | undefined) } });
    });
  }
  emit();
  return entries;
}

afterEach(() => vi.restoreAllMocks());

// One call of every log function a metric is meant to read, with the values the code passes.
let emitted: LogEntry[];
beforeAll(() => {
  emitted = captured(() => {
    logs.callableAnswered("placeOrder", "ok", 42);
    logs.callableAnswered("holdCart", "internal", 120);
    logs.stockBatchCommitted(12, 85, ["4bf92f3577b34da6a3ce929d0e0e4736"]);
    logs.holdsSwept(3, 2, 17);
    logs.eventsPublished("sku/ALBA-1", 4, 1_250);
    logs.webhookAttempted("delivery-1", 2, { outcome: "retry" });
    logs.webhookAttempted("delivery-2", 1, { outcome: "skipped", why: "endpoint disabled" });
    logs.mailFailed("order-confirmation-1", 5, "550 mailbox unavailable", true);
    logs.reconcileRan({ trigger: "schedule", checked: 50, drift: 1, opened: 1, reads: 210, durationMs: 900 });
  });
});

describe("log-based metrics", () => {
  const metrics = loadMetrics();

  it("are all parsed from monitoring/metrics", () => {
    expect(metrics.length).toBeGreaterThanOrEqual(10);
  });

  it.each(metrics.map((m) => [m.name, m] as const))(
    "%s: its filter selects lines the functions emit, and its extractors find their fields",
    (_name, metric) => {
      const selected = emitted.filter((entry) => filterMatches(metric.filter, entry));
      expect(selected.length, metric.filter).toBeGreaterThan(0);
      for (const entry of selected) {
        if (metric.valueExtractor) expect(typeof entry.jsonPayload[extractedField(metric.valueExtractor)], metric.valueExtractor).toBe("number");
        for (const extractor of Object.values(metric.labelExtractors ?? {})) expect(entry.jsonPayload, extractor).toHaveProperty(extractedField(extractor));
      }
      // Every label the descriptor declares has its extractor, and no more.
      expect(Object.keys(metric.labelExtractors ?? {}).sort()).toEqual((metric.metricDescriptor.labels ?? []).map((l) => l.key).sort());
      expect(Boolean(metric.valueExtractor)).toBe(metric.metricDescriptor.valueType === "DISTRIBUTION");
    },
  );

  it("a changed message no longer matches (the check can fail)", () => {
    const [entry] = captured(() => logs.callableAnswered("placeOrder", "ok", 1));
    const renamed = { ...entry!, jsonPayload: { ...entry!.jsonPayload, message: "callable: done" } };
    const answers = metrics.find((m) => m.name === "showroom_callable_answers")!;
    expect(filterMatches(answers.filter, entry!)).toBe(true);
    expect(filterMatches(answers.filter, renamed)).toBe(false);
  });

  it("refuses filter syntax it cannot evaluate", () => {
    expect(() => filterMatches('jsonPayload.message=~"call.*"', emitted[0]!)).toThrow(/Unsupported/);
  });
});

describe("alert policies", () => {
  const metrics = new Map(loadMetrics().map((m) => [m.name, m]));
  const policies = loadPolicies();

  it.each(policies.map((p) => [p.file, p] as const))("%s: names only metrics and labels that exist", (_file, policy) => {
    for (const condition of policy.conditions) {
      const filters = [condition.conditionThreshold?.filter, condition.conditionThreshold?.denominatorFilter, condition.conditionAbsent?.filter].filter(
        (f): f is string => typeof f === "string",
      );
      expect(filters.length).toBeGreaterThan(0);
      for (const filter of filters) {
        for (const name of metricsNamedIn(filter)) {
          const metric = metrics.get(name);
          expect(metric, `${name} in ${policy.file}`).toBeDefined();
          for (const label of labelsNamedIn(filter)) expect(Object.keys(metric!.labelExtractors ?? {}), `${label} in ${policy.file}`).toContain(label);
        }
      }
    }
  });

  it("include the reconcile absence alert on scheduled runs", () => {
    const absent = policies.flatMap((p) => p.conditions).find((c) => c.conditionAbsent);
    expect(absent?.conditionAbsent?.filter).toContain("showroom_reconcile_runs");
    expect(absent?.conditionAbsent?.filter).toContain('metric.label.trigger="schedule"');
    // The scheduled reconcile logs that trigger value.
    expect(emitted.some((e) => e.jsonPayload.message === "operations: reconcile ran" && e.jsonPayload.trigger === "schedule")).toBe(true);
  });
});

it("the uptime check targets the health function of the given project", () => {
  const flags = JSON.parse(uptimeCheckFlags("shop-prod", "europe-west1")) as Record<string, unknown>;
  expect(flags["--resource-labels"]).toEqual({ host: "europe-west1-shop-prod.cloudfunctions.net", project_id: "shop-prod" });
  expect(flags["--path"]).toBe("/health");
});
