// Bundles functions/src into lib/index.js. @showroom/model is inlined because a
// deployed function installs only the npm dependencies in package.json.
// @google-cloud/pubsub stays external (it is in package.json): its CommonJS gRPC
// code requires Node built-ins dynamically, which an ESM bundle cannot do. So stay
// OpenTelemetry (async_hooks) and the Cloud Trace exporter (gRPC, .proto files read at run time).
import { build } from "esbuild";

await build({
  entryPoints: ["src/index.ts"],
  outfile: "lib/index.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  external: [
    "firebase-admin",
    "firebase-admin/*",
    "firebase-functions",
    "firebase-functions/*",
    "zod",
    "@google-cloud/pubsub",
    "@google-cloud/opentelemetry-cloud-trace-exporter",
    "@opentelemetry/*",
  ],
  logLevel: "warning",
});
