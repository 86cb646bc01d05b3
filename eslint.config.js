import { readdirSync } from "node:fs";
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Every web feature: each may reach another only through that feature's public entry, its `index.ts`. */
const webFeatures = readdirSync(new URL("web/src/features", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * The import direction, as bulletproof-react says it: `model` ← `functions`,
 * `web`, `scripts`; in `web`, `lib`/`components`/`config` ← `features` ← `app`;
 * the app never imports the seed or any other script.
 */
const importDirection = [
  { target: "./model", from: ["./functions", "./web", "./scripts", "./tests"], message: "The model is imported by the others, never the other way round." },
  { target: "./functions", from: ["./web", "./scripts", "./tests"], message: "Functions depend on the model only." },
  { target: "./web", from: ["./functions", "./scripts", "./tests"], message: "The web app depends on the model only (never on the seed or other scripts)." },
  {
    target: ["./web/src/lib", "./web/src/components", "./web/src/config"],
    from: ["./web/src/features", "./web/src/app"],
    message: "Shared code (lib, components, config) never imports a feature or the app: move the shared piece down.",
  },
  { target: "./web/src/features", from: "./web/src/app", message: "Features never import the app." },
  ...webFeatures.map((feature) => ({
    target: `./web/src/features/${feature}`,
    from: "./web/src/features/*/**",
    except: [`**/web/src/features/${feature}/**`, "**/web/src/features/*/index.ts"],
    message: "Features import each other only through the other feature's index.ts.",
  })),
];

export default tseslint.config(
  { ignores: ["**/node_modules/**", "functions/lib/**", "web/dist/**", ".cache/**", ".emulator-data/**", "bench-results/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      // Without these the plugin reads only .js files, and so sees no cycle through .ts ones.
      "import-x/extensions": importX.flatConfigs.typescript.settings["import-x/extensions"],
      "import-x/parsers": importX.flatConfigs.typescript.settings["import-x/parsers"],
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: ["tsconfig.json", "web/tsconfig.json"], noWarnOnMultipleProjects: true })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": ["error", { zones: importDirection }],
    },
  },
  {
    files: ["web/src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
);
