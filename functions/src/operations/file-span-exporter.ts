/**
 * The emulator's span exporter: appends each span as one JSON line to a file
 * (span-record.ts) that `npm run trace` and a developer can read.
 */
import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { toSpanRecord } from "./span-record.js";

export class FileSpanExporter implements SpanExporter {
  private ready: Promise<unknown> | undefined;

  constructor(private readonly file: string) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    const lines = spans.map((span) => JSON.stringify(toSpanRecord(span)) + "\n").join("");
    this.ready ??= mkdir(path.dirname(this.file), { recursive: true });
    this.ready
      .then(() => appendFile(this.file, lines))
      .then(
        () => done({ code: ExportResultCode.SUCCESS }),
        (error: unknown) => done({ code: ExportResultCode.FAILED, error: error instanceof Error ? error : new Error(String(error)) }),
      );
  }

  async shutdown(): Promise<void> {}
}
