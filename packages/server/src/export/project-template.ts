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

export interface ScaffoldInput {
  /** npm-safe name of the project (also its folder in the zip). */
  packageName: string
  /** Project path of the component main.tsx renders, e.g. "src/components/Counter.tsx". */
  entry: string
  /** Project paths of the component's tests. */
  testFiles: string[]
  contract?: Contract
}

/** The project's own files around the component and the kit: config, entry page, README and contract. */
export function scaffoldFiles(input: ScaffoldInput): Record<string, string> {
  const title = input.contract?.name ?? componentNameOf(input.entry)
  return {
    "package.json": packageJson(input.packageName),
    "vite.config.ts": VITE_CONFIG,
    "tsconfig.json": TSCONFIG,
    "index.html": indexHtml(title),
    "src/main.tsx": mainTsx(input.entry, input.contract),
    "README.md": readme(title, input),
    ...(input.contract ? { "contract.json": `${JSON.stringify(input.contract, null, 2)}\n` } : {}),
  }
}

function packageJson(name: string): string {
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
    dependencies: PROJECT_DEPENDENCIES,
    devDependencies: PROJECT_DEV_DEPENDENCIES,
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

const TSCONFIG = `${JSON.stringify(
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
      types: ["node", "vite/client", "@testing-library/jest-dom/vitest"],
      paths: { "@/*": ["./src/*"] },
    },
    include: ["src", "vite.config.ts"],
  },
  null,
  2,
)}\n`

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

function mainTsx(entry: string, contract: Contract | undefined): string {
  const importPath = `@/${entry.replace(/^src\//, "").replace(/\.[jt]sx?$/, "")}`
  const defaults = JSON.stringify(contractDefaults(contract), null, 2)
  return `import { StrictMode, type ComponentProps } from "react"
import { createRoot } from "react-dom/client"
import Component from ${JSON.stringify(importPath)}
import "./styles.css"

/** The props the contract gives as defaults. */
const contractDefaults: Partial<ComponentProps<typeof Component>> = ${defaults}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <main className="min-h-screen bg-background p-8 text-foreground">
      <Component {...contractDefaults} />
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
