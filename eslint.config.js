// ESLint for the studio's own code. Generated code is linted by the engine's eslint plugin with its own fixed config.
import js from "@eslint/js"
import { createNodeResolver, importX } from "eslint-plugin-import-x"
import jsxA11y from "eslint-plugin-jsx-a11y"
import reactHooks from "eslint-plugin-react-hooks"
import tseslint from "typescript-eslint"

/** Test files (and fixtures) of every package: they may also use other packages' `test/support/` helpers. */
const TEST_FILES = ["packages/*/test/**", "packages/**/*.test.{ts,tsx}", "packages/**/__fixtures__/**"]

/** The offline recipes' component templates and their tests (packages/engine/src/generators/offline/recipes/<kind>/). */
const RECIPE_TEMPLATES = "packages/engine/src/generators/offline/recipes/**/*.tsx"

/**
 * The package boundaries as import-x `no-restricted-paths` zones (resolved files, so `@studio/engine/...`, a deep
 * relative path and a re-export are all caught): protocol imports nothing of ours; kit imports no package of ours;
 * engine never imports server, web or cli; web imports only protocol and kit; server and cli use the other packages
 * through their index. In tests, `test/support/` of engine (server, cli) and server (web) is allowed too.
 * @param {{ inTests: boolean }} options
 */
function boundaryZones({ inTests }) {
  /** @param {string} name */
  const pkg = (name) => `./packages/${name}`
  const support = inTests ? ["./test/support"] : []
  /** @param {string} target @param {string} from @param {string[]} [extra] */
  const onlyIndex = (target, from, extra = []) => ({
    target: pkg(target),
    from: pkg(from),
    except: ["./src/index.ts", ...extra],
    message: `${target} uses ${from} only through its index (@studio/${from}).`,
  })
  /** @param {string} target @param {string} from @param {string} why */
  const nothing = (target, from, why) => ({ target: pkg(target), from: pkg(from), message: why })
  return [
    ...["kit", "engine", "server", "web", "cli"].map((from) =>
      nothing("protocol", from, "protocol imports nothing of ours: it is the shared contract."),
    ),
    ...["protocol", "engine", "server", "web", "cli"].map((from) =>
      nothing(
        "kit",
        from,
        "the kit imports no package of ours: generated code and the studio's UI both use it.",
      ),
    ),
    ...["server", "web", "cli"].map((from) =>
      nothing(
        "engine",
        from,
        "the engine never imports server, web or cli: it knows nothing of HTTP or the UI.",
      ),
    ),
    onlyIndex("engine", "protocol"),
    nothing("server", "web", "the server never imports the web app (it serves its built files)."),
    nothing("server", "cli", "the server never imports the cli."),
    onlyIndex("server", "engine", support),
    onlyIndex("server", "protocol"),
    nothing("web", "engine", "web imports only protocol and kit: it talks to the engine through the server."),
    nothing("web", "cli", "web imports only protocol and kit."),
    inTests
      ? onlyIndex("web", "server", support)
      : nothing("web", "server", "web imports only protocol and kit: it talks to the server over HTTP."),
    onlyIndex("web", "protocol"),
    nothing("cli", "web", "the cli never imports the web app."),
    onlyIndex("cli", "engine", support),
    onlyIndex("cli", "server"),
    onlyIndex("cli", "protocol"),
  ]
}

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      ".studio/**",
      "studio-out/**",
      "bench/results/**",
      "test-output/**",
      "packages/engine/test/fixtures/**",
      // WebApp1K-style Jest files, kept as the benchmark writes them (Jest's globals, its quotes and semicolons).
      "packages/cli/test/fixtures/webapp1k/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Package boundaries over our own files, imports resolved like Node and Vite (`exports`, .ts/.tsx). Import
    // cycles (type-only ones too, which import-x/no-cycle skips) are caught by test/import-cycles.test.ts.
    files: ["packages/**/*.{ts,tsx,js,mjs}", "bench/**/*.ts", "e2e/**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [
        createNodeResolver({
          extensions: [".ts", ".tsx", ".mjs", ".js", ".json"],
          conditionNames: ["import", "default"],
        }),
      ],
      "import-x/extensions": [".ts", ".tsx", ".mjs", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
    },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@studio/*/src", "@studio/*/src/**", "@studio/*/test/**"],
              message:
                "Import another package through its index (its package.json `exports`), not its files.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/**/*.{ts,tsx,js,mjs}"],
    ignores: TEST_FILES,
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: boundaryZones({ inTests: false }) }],
      // Another package by name, never by a relative path into its folder.
      "import-x/no-relative-packages": "error",
    },
  },
  {
    files: TEST_FILES,
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: boundaryZones({ inTests: true }) }],
    },
  },
  {
    // The web studio: the rules of hooks (and the React Compiler's checks that come with them).
    files: ["packages/web/src/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
  },
  // The offline recipes' component templates become generated components: the hooks and accessibility rules that
  // generated code is linted with too.
  { files: [RECIPE_TEMPLATES], ...reactHooks.configs.flat.recommended },
  { ...jsxA11y.flatConfigs.recommended, files: [RECIPE_TEMPLATES] },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        performance: "readonly",
      },
    },
  },
)
