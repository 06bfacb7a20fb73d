import path from "node:path"
import type { Contract } from "@studio/protocol"

/** What the exported project runs on; the ranges match the engine's, so the tests run as they did in the studio. */
export const PROJECT_DEPENDENCIES = {
  "class-variance-authority": "^0.7.1",
  clsx: "^2.1.1",
  "lucide-react": "^1.77.0",
  "radix-ui": "^1.4.0",
  react: "^19.1.0",
  "react-dom": "^19.1.0",
  "tailwind-merge": "^3.3.0",
} as const

export const PROJECT_DEV_DEPENDENCIES = {
  "@tailwindcss/vite": "^4.1.0",
  "@testing-library/dom": "^10.4.0",
  "@testing-library/jest-dom": "~6.9.1",
  "@testing-library/react": "^16.3.0",
  "@testing-library/user-event": "^14.6.0",
  "@types/node": "^20.19.0",
  "@types/react": "^19.1.0",
  "@types/react-dom": "^19.1.0",
  "@vitejs/plugin-react": "^6.0.0",
  "happy-dom": "^20.0.0",
  tailwindcss: "^4.1.0",
  typescript: "~6.0.3",
  vite: "^8.0.0",
  vitest: "~4.1.12",
} as const

/** What a project of tests as the spec adds: the router its component may use, fetch-mock its given tests may. */
export const TESTS_AS_SPEC_DEPENDENCIES = { "react-router-dom": "^7.18.7" } as const
export const TESTS_AS_SPEC_DEV_DEPENDENCIES = { "fetch-mock": "^11.1.5" } as const

export interface ScaffoldInput {
  /** npm-safe name of the project (also its folder in the zip). */
  packageName: string
  /** Project path of the component main.tsx renders, e.g. "src/components/Counter.tsx". */
  entry: string
  /** Project paths of the component's tests. */
  testFiles: string[]
  /** Tests as the spec: the tests were given (Jest-style), so the project runs them as the sandbox did. */
  testsAsSpec?: boolean
  /** main.tsx renders the component inside react-router-dom's MemoryRouter (it uses the router, as the preview did). */
  memoryRouter?: boolean
  contract?: Contract
}

/** The project's own files around the component and the kit: config, entry page, README and contract. */
export function scaffoldFiles(input: ScaffoldInput): Record<string, string> {
  const title = input.contract?.name ?? componentNameOf(input.entry)
  const testsAsSpec = input.testsAsSpec === true
  return {
    "package.json": packageJson(input.packageName, testsAsSpec),
    "vite.config.ts": testsAsSpec ? JEST_STYLE_VITE_CONFIG : VITE_CONFIG,
    "tsconfig.json": testsAsSpec ? JEST_STYLE_TSCONFIG : TSCONFIG,
    ...(testsAsSpec ? { [JEST_SETUP_PATH]: JEST_SETUP } : {}),
    "index.html": indexHtml(title),
    "src/main.tsx": mainTsx(input.entry, input.contract, testsAsSpec && input.memoryRouter === true),
    "README.md": readme(title, input),
    ...(input.contract ? { "contract.json": `${JSON.stringify(input.contract, null, 2)}\n` } : {}),
  }
}

function packageJson(name: string, testsAsSpec: boolean): string {
  const manifest = {
    name,
    private: true,
    version: "0.1.0",
    type: "module",
    engines: { node: ">=20.19.0" },
    scripts: {
      dev: "vite",
      build: "vite build",
      preview: "vite preview",
      test: "vitest run",
      "test:watch": "vitest",
      typecheck: "tsc -p tsconfig.json",
    },
    dependencies: testsAsSpec
      ? sortedByName({ ...PROJECT_DEPENDENCIES, ...TESTS_AS_SPEC_DEPENDENCIES })
      : PROJECT_DEPENDENCIES,
    devDependencies: testsAsSpec
      ? sortedByName({ ...PROJECT_DEV_DEPENDENCIES, ...TESTS_AS_SPEC_DEV_DEPENDENCIES })
      : PROJECT_DEV_DEPENDENCIES,
  }
  return `${JSON.stringify(manifest, null, 2)}\n`
}

const VITE_CONFIG = `import { fileURLToPath, URL } from "node:url"
import tailwindcss from "@tailwindcss/vite"
import react from "@vitejs/plugin-react"
import { defineConfig } from "vitest/config"

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  test: {
    environment: "happy-dom",
    setupFiles: ["./src/test-setup.ts"],
  },
})
`

/**
 * Tests a person gave (tests as the spec) are written for Jest: `test` and `expect` as globals, a `jest` object, JSX
 * in `.js` files. The project runs them as the studio's sandbox did: Vitest's globals, a setup file that maps `jest`
 * onto `vi` (src/jest-setup.ts), and a plugin that compiles JSX in the project's `.js` files and turns
 * `jest.mock(...)` into `vi.mock(...)` so Vitest hoists it.
 */
const JEST_STYLE_VITE_CONFIG = `import { fileURLToPath, URL } from "node:url"
import tailwindcss from "@tailwindcss/vite"
import react from "@vitejs/plugin-react"
import { transformWithOxc, type Plugin } from "vite"
import { defineConfig } from "vitest/config"

const SOURCE_JS = /\\/src\\/.*\\.[cm]?js$/
const TEST_FILE = /\\.(test|spec)\\.[cm]?[jt]sx?$/
const JEST_MODULE_CALL = /\\bjest\\.(mock|unmock|doMock|dontMock)\\(/g

/** Jest-style tests as written: JSX in .js files, and jest.mock(...) hoisted as vi.mock(...) is. */
function jestStyleTests(): Plugin {
  return {
    name: "jest-style-tests",
    enforce: "pre",
    async transform(code, id) {
      const file = id.split("?")[0] ?? id
      if (file.includes("/node_modules/")) return null
      const source = TEST_FILE.test(file)
        ? code.replace(JEST_MODULE_CALL, (_call, name: string) => (name === "dontMock" ? "vi.doUnmock(" : \`vi.\${name}(\`))
        : code
      if (!SOURCE_JS.test(file)) return source === code ? null : { code: source, map: null }
      const compiled = await transformWithOxc(source, file, { lang: "jsx", jsx: { runtime: "automatic" }, sourcemap: true })
      return { code: compiled.code, map: compiled.map }
    },
  }
}

export default defineConfig({
  plugins: [jestStyleTests(), react(), tailwindcss()],
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  test: {
    environment: "happy-dom",
    globals: true,
    include: ["src/**/*.{test,spec}.{js,jsx,ts,tsx}"],
    setupFiles: ["./src/test-setup.ts", "./${"src/jest-setup.ts"}"],
  },
})
`

const JEST_SETUP_PATH = "src/jest-setup.ts"

/** The `jest` object of Jest-style tests, as the studio's sandbox gives it (engine's sandbox/jest-compat.ts). */
const JEST_SETUP = `// Tests written for Jest run here as they ran in AI Studio: Vitest's API under Jest's names (\`globals\` in
// vite.config.ts), \`jest\` mapped onto \`vi\`, and navigator.clipboard defined so a test can replace it.
import { vi } from "vitest"

type JestObject = typeof vi & {
  setTimeout(milliseconds: number): JestObject
  requireActual(name: string): never
}

declare global {
  var jest: JestObject
}

const jestOnly = {
  setTimeout(milliseconds: number): JestObject {
    vi.setConfig({ testTimeout: milliseconds })
    return globalThis.jest
  },
  requireActual(name: string): never {
    throw new Error(\`jest.requireActual(\${JSON.stringify(name)}) is not available: use await vi.importActual()\`)
  },
}

globalThis.jest = new Proxy(vi, {
  get(target, key) {
    if (Object.hasOwn(jestOnly, key)) return jestOnly[key as keyof typeof jestOnly]
    const value: unknown = Reflect.get(target, key)
    return typeof value === "function" ? value.bind(target) : value
  },
}) as JestObject

if (typeof navigator !== "undefined") {
  const clipboard = {
    writeText: async () => undefined,
    readText: async () => "",
    write: async () => undefined,
    read: async () => [],
  }
  Object.defineProperty(navigator, "clipboard", { value: clipboard, writable: true, configurable: true, enumerable: true })
}
`

function tsconfig(types: string[]): string {
  return `${JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        lib: ["ES2022", "DOM", "DOM.Iterable"],
        module: "ESNext",
        moduleResolution: "Bundler",
        jsx: "react-jsx",
        strict: true,
        isolatedModules: true,
        skipLibCheck: true,
        noEmit: true,
        types,
        paths: { "@/*": ["./src/*"] },
      },
      include: ["src", "vite.config.ts"],
    },
    null,
    2,
  )}\n`
}

const TSCONFIG = tsconfig(["node", "vite/client", "@testing-library/jest-dom/vitest"])
// Given tests use Jest's globals; .js test files are left to Vitest (tsc does not check JavaScript here).
const JEST_STYLE_TSCONFIG = tsconfig([
  "node",
  "vite/client",
  "vitest/globals",
  "@testing-library/jest-dom/vitest",
])

function sortedByName(entries: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)))
}

function indexHtml(title: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>${escapeHtml(title)}</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="/src/main.tsx"></script>
  </body>
</html>
`
}

function mainTsx(entry: string, contract: Contract | undefined, memoryRouter: boolean): string {
  const importPath = `@/${entry.replace(/^src\//, "").replace(/\.[jt]sx?$/, "")}`
  const defaults = JSON.stringify(contractDefaults(contract), null, 2)
  const component = memoryRouter
    ? "<MemoryRouter>\n        <Component {...contractDefaults} />\n      </MemoryRouter>"
    : "<Component {...contractDefaults} />"
  return `import { StrictMode, type ComponentProps } from "react"
import { createRoot } from "react-dom/client"
${memoryRouter ? 'import { MemoryRouter } from "react-router-dom"\n' : ""}import Component from ${JSON.stringify(importPath)}
import "./styles.css"

/** The props the contract gives as defaults. */
const contractDefaults: Partial<ComponentProps<typeof Component>> = ${defaults}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <main className="min-h-screen bg-background p-8 text-foreground">
      ${component}
    </main>
  </StrictMode>,
)
`
}

/**
 * The contract's prop defaults that are plain JSON values. The rest (expressions such as `() => {}`) are left to the
 * component's own defaults, so no text from the contract ever becomes code in main.tsx.
 */
export function contractDefaults(contract: Contract | undefined): Record<string, unknown> {
  const defaults: Record<string, unknown> = {}
  for (const prop of contract?.props ?? []) {
    if (prop.default === undefined) continue
    try {
      // Only re-serialized with JSON.stringify, never read: its shape does not matter.
      defaults[prop.name] = JSON.parse(prop.default) as unknown
    } catch {
      // not JSON: keep the component's own default
    }
  }
  return defaults
}

function readme(title: string, { entry, testFiles, contract }: ScaffoldInput): string {
  const requirements = contract?.requirements.map(
    (requirement) => `- **${requirement.id}** ${requirement.text}`,
  )
  return [
    `# ${title}`,
    "",
    ...(contract?.summary ? [contract.summary, ""] : []),
    "A React + TypeScript + Tailwind CSS component made with AI Studio, with the tests that check it.",
    "",
    "## Run it",
    "",
    "Needs Node.js 20.19 or later.",
    "",
    "```sh",
    "npm install",
    "npm run dev    # shows the component at http://localhost:5173",
    "npm test       # runs its tests with Vitest",
    "```",
    "",
    "## What is inside",
    "",
    `- \`${entry}\`: the component`,
    ...testFiles.map((testFile) => `- \`${testFile}\`: its tests`),
    "- `src/components/ui/`, `src/lib/`: the shadcn/ui-style kit it builds on",
    "- `src/main.tsx`: the page that renders it with the contract's defaults",
    ...(contract ? ["- `contract.json`: its props and the requirements the tests check"] : []),
    ...(requirements?.length ? ["", "## Requirements", "", ...requirements] : []),
    "",
  ].join("\n")
}

function componentNameOf(entry: string): string {
  return path.posix.basename(entry).replace(/\.[jt]sx?$/, "")
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}
