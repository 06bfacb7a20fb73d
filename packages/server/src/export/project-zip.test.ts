import { readFile } from "node:fs/promises"
import { builtinModules, createRequire } from "node:module"
import path from "node:path"
import { strFromU8, unzipSync } from "fflate"
import { StudioError, type Contract } from "@studio/protocol"
import { describe, expect, it } from "vitest"
import { KIT_SOURCE_DIR, importSpecifiersOf, moduleCandidates, projectPathOfImport } from "./kit-files"
import {
  PROJECT_DEPENDENCIES,
  PROJECT_DEV_DEPENDENCIES,
  TESTS_AS_SPEC_DEPENDENCIES,
  TESTS_AS_SPEC_DEV_DEPENDENCIES,
} from "./project-template"
import { assertSafeSourcePath, buildProjectZip, packageNameOf } from "./project-zip"

const REPO_ROOT = path.resolve(import.meta.dirname, "../../../..")

async function counterFiles(): Promise<Record<string, string>> {
  const read = (name: string) =>
    readFile(path.join(REPO_ROOT, "examples/counter/src/components", name), "utf8")
  return {
    "src/components/Counter.tsx": await read("Counter.tsx"),
    "src/components/Counter.test.tsx": await read("Counter.test.tsx"),
  }
}

const PLAN_CARD_FILES = {
  "src/components/PlanCard.tsx": [
    'import { Check } from "lucide-react"',
    'import { Badge } from "@/components/ui/badge"',
    'import { Button } from "@/components/ui/button"',
    'import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card"',
    'import { appearance, type Size } from "@/lib/appearance"',
    'import { cn } from "@/lib/utils"',
    'import { PriceTag } from "./PriceTag"',
    "export interface PlanCardProps { title?: string; price?: number; features?: string[]; size?: Size }",
    'export default function PlanCard({ title = "Pro", price = 9, features = [], size = "md" }: PlanCardProps) {',
    "  return <Card className={cn(appearance({ size }).className)}><CardHeader><CardTitle>{title}</CardTitle>",
    "  <Badge>New</Badge></CardHeader><CardContent><PriceTag value={price} />",
    "  {features.map((feature) => <p key={feature}><Check />{feature}</p>)}<Button>Buy</Button></CardContent></Card>",
    "}",
  ].join("\n"),
  "src/components/PriceTag.tsx":
    "export function PriceTag({ value }: { value: number }) {\n  return <span>${value}</span>\n}\n",
  "src/components/PlanCard.test.tsx": [
    'import { render, screen } from "@testing-library/react"',
    'import userEvent from "@testing-library/user-event"',
    'import { describe, expect, it } from "vitest"',
    'import PlanCard from "./PlanCard"',
    'describe("PlanCard", () => { it("R1: shows the title", () => { render(<PlanCard />); expect(screen.getByText("Pro")).toBeInTheDocument(); void userEvent }) })',
  ].join("\n"),
}

const PLAN_CARD_CONTRACT: Contract = {
  name: "PlanCard",
  summary: "A card for one pricing plan.",
  props: [
    { name: "title", type: "string", required: false, default: '"Team <b>"', control: "text" },
    { name: "price", type: "number", required: false, default: "29", control: "number" },
    { name: "features", type: "string[]", required: false, default: '["SSO","Audit log"]' },
    { name: "size", type: '"sm" | "md" | "lg"', required: false, default: "DEFAULT_SIZE" },
  ],
  requirements: [{ id: "R1", text: "Shows the plan's title." }],
}

/** The zip's files, keyed by path inside the project folder; fails if anything lies outside that folder. */
function unzipProject(zip: Uint8Array, folder: string): Record<string, string> {
  const project: Record<string, string> = {}
  for (const [entryPath, bytes] of Object.entries(unzipSync(zip))) {
    expect(entryPath.startsWith(`${folder}/`), entryPath).toBe(true)
    project[entryPath.slice(folder.length + 1)] = strFromU8(bytes)
  }
  return project
}

/** Every import in the project that would not resolve once it is unzipped and installed. */
function unresolvedImports(project: Record<string, string>): string[] {
  const manifest = JSON.parse(project["package.json"] ?? "{}") as {
    dependencies: Record<string, string>
    devDependencies: Record<string, string>
  }
  const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)])
  const problems: string[] = []
  for (const [filePath, source] of Object.entries(project)) {
    if (!/\.(tsx?|jsx?)$/.test(filePath)) continue
    for (const specifier of importSpecifiersOf(source)) {
      const local = projectPathOfImport(specifier, filePath)
      if (local !== undefined) {
        if (!moduleCandidates(local).some((candidate) => Object.hasOwn(project, candidate)))
          problems.push(`${filePath}: ${specifier}`)
        continue
      }
      if (specifier.startsWith("node:") || builtinModules.includes(specifier)) continue
      const parts = specifier.split("/")
      const packageName = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? "")
      if (!declared.has(packageName)) problems.push(`${filePath}: ${specifier} (not in package.json)`)
    }
  }
  return problems
}

describe("buildProjectZip", () => {
  it("puts a complete Vite + Vitest project in one top folder", async () => {
    const project = unzipProject(
      await buildProjectZip({ name: "Counter", files: await counterFiles() }),
      "counter",
    )
    expect(Object.keys(project).sort()).toEqual([
      "README.md",
      "index.html",
      "package.json",
      "src/components/Counter.test.tsx",
      "src/components/Counter.tsx",
      "src/lib/appearance.ts",
      "src/lib/utils.ts",
      "src/main.tsx",
      "src/styles.css",
      "src/test-setup.ts",
      "tsconfig.json",
      "vite.config.ts",
    ])
  })

  it("keeps the version's files as they are and copies the kit files it uses", async () => {
    const files = await counterFiles()
    const project = unzipProject(
      await buildProjectZip({
        name: "PlanCard",
        files: { ...files, ...PLAN_CARD_FILES },
        contract: PLAN_CARD_CONTRACT,
      }),
      "plan-card",
    )
    for (const [filePath, content] of Object.entries({ ...files, ...PLAN_CARD_FILES })) {
      expect(project[filePath]).toBe(content)
    }
    for (const kitFile of ["components/ui/badge.tsx", "components/ui/button.tsx", "components/ui/card.tsx"]) {
      expect(project[`src/${kitFile}`]).toBe(await readFile(path.join(KIT_SOURCE_DIR, kitFile), "utf8"))
    }
    expect(project["src/styles.css"]).toBe(await readFile(path.join(KIT_SOURCE_DIR, "styles.css"), "utf8"))
    expect(project["src/components/ui/dialog.tsx"]).toBeUndefined()
    expect(JSON.parse(project["contract.json"] ?? "")).toEqual(PLAN_CARD_CONTRACT)
  })

  it("resolves every import of every exported file to a file in the zip or a package in package.json", async () => {
    for (const files of [await counterFiles(), PLAN_CARD_FILES]) {
      const project = unzipProject(
        await buildProjectZip({ name: "X", files, contract: PLAN_CARD_CONTRACT }),
        "x",
      )
      expect(unresolvedImports(project)).toEqual([])
    }
  })

  it("notices an import that would not resolve (the check above can fail)", () => {
    expect(
      unresolvedImports({
        "package.json": JSON.stringify({ dependencies: { react: "^19" }, devDependencies: {} }),
        "src/a.tsx": 'import "./missing"\nimport React from "react"\nimport { z } from "zod"',
      }),
    ).toEqual(["src/a.tsx: ./missing", "src/a.tsx: zod (not in package.json)"])
  })

  it("writes package.json with the scripts and the packages the project runs on", async () => {
    const project = unzipProject(
      await buildProjectZip({ name: "Counter", files: await counterFiles() }),
      "counter",
    )
    const manifest = JSON.parse(project["package.json"] ?? "") as Record<string, Record<string, string>>
    expect(manifest).toMatchObject({ name: "counter", private: true, type: "module" })
    expect(manifest.scripts).toMatchObject({ dev: "vite", test: "vitest run" })
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(
      expect.arrayContaining(["react", "react-dom", "radix-ui", "lucide-react", "clsx", "tailwind-merge"]),
    )
    expect(Object.keys(manifest.devDependencies ?? {})).toEqual(
      expect.arrayContaining([
        "vite",
        "@vitejs/plugin-react",
        "vitest",
        "happy-dom",
        "tailwindcss",
        "@tailwindcss/vite",
      ]),
    )
  })

  it("asks for the same versions the engine tests with", async () => {
    const require = createRequire(import.meta.url)
    const engine = JSON.parse(await readFile(require.resolve("@studio/engine/package.json"), "utf8")) as {
      dependencies: Record<string, string>
    }
    const all = {
      ...PROJECT_DEPENDENCIES,
      ...PROJECT_DEV_DEPENDENCIES,
      ...TESTS_AS_SPEC_DEPENDENCIES,
      ...TESTS_AS_SPEC_DEV_DEPENDENCIES,
    }
    for (const [name, range] of Object.entries(all)) {
      if (engine.dependencies[name] !== undefined) expect(range, name).toBe(engine.dependencies[name])
    }
  })

  it("configures Vite and Vitest: React and Tailwind plugins, the @ alias, happy-dom and the setup file", async () => {
    const project = unzipProject(
      await buildProjectZip({ name: "Counter", files: await counterFiles() }),
      "counter",
    )
    const config = project["vite.config.ts"] ?? ""
    expect(config).toContain("plugins: [react(), tailwindcss()]")
    expect(config).toContain('"@": fileURLToPath(new URL("./src", import.meta.url))')
    expect(config).toContain('environment: "happy-dom"')
    expect(config).toContain('setupFiles: ["./src/test-setup.ts"]')
    const tsconfig = JSON.parse(project["tsconfig.json"] ?? "") as {
      compilerOptions: Record<string, unknown>
    }
    expect(tsconfig.compilerOptions).toMatchObject({
      jsx: "react-jsx",
      strict: true,
      paths: { "@/*": ["./src/*"] },
    })
    expect(project["index.html"]).toContain('<script type="module" src="/src/main.tsx"></script>')
  })

  it("renders the contract's component with its JSON defaults, leaving other defaults to the component", async () => {
    const project = unzipProject(
      await buildProjectZip({ name: "Plans", files: PLAN_CARD_FILES, contract: PLAN_CARD_CONTRACT }),
      "plans",
    )
    const main = project["src/main.tsx"] ?? ""
    expect(main).toContain('import Component from "@/components/PlanCard"')
    expect(main).toContain('import "./styles.css"')
    const defaults = /= (\{[\s\S]*?\n\})/.exec(main)?.[1]
    expect(JSON.parse(defaults ?? "")).toEqual({
      title: "Team <b>",
      price: 29,
      features: ["SSO", "Audit log"],
    })
    expect(main).not.toContain("DEFAULT_SIZE")
  })

  it("falls back to the first component when there is no contract", async () => {
    const project = unzipProject(await buildProjectZip({ name: "Plans", files: PLAN_CARD_FILES }), "plans")
    expect(project["src/main.tsx"]).toContain('import Component from "@/components/PlanCard"')
    expect(project["src/main.tsx"]).toContain("= {}")
    expect(project["contract.json"]).toBeUndefined()
  })

  it("escapes the title in index.html and explains how to run it in the README", async () => {
    const contract = { ...PLAN_CARD_CONTRACT, name: "Plan<Card>", summary: "Plans & prices." }
    const project = unzipProject(await buildProjectZip({ name: "x", files: PLAN_CARD_FILES, contract }), "x")
    expect(project["index.html"]).toContain("<title>Plan&#60;Card&#62;</title>")
    const readme = project["README.md"] ?? ""
    expect(readme).toMatch(/^# Plan<Card>\n\nPlans & prices\./)
    for (const command of ["npm install", "npm run dev", "npm test"]) expect(readme).toContain(command)
    expect(readme).toContain("- **R1** Shows the plan's title.")
    expect(readme).toContain("`src/components/PlanCard.test.tsx`: its tests")
  })

  it("lets the kit and the scaffold win over a version file at the same path", async () => {
    const files = { ...(await counterFiles()), "src/lib/utils.ts": "evil", "src/main.tsx": "evil" }
    const project = unzipProject(await buildProjectZip({ name: "c", files }), "c")
    expect(project["src/lib/utils.ts"]).toBe(
      await readFile(path.join(KIT_SOURCE_DIR, "lib/utils.ts"), "utf8"),
    )
    expect(project["src/main.tsx"]).not.toBe("evil")
  })

  it.each([
    "../escape.tsx",
    "src/../../escape.tsx",
    "/etc/passwd",
    "src\\components\\A.tsx",
    "C:/src/A.tsx",
    "src/.hidden/A.tsx",
    "src//A.tsx",
    "package.json",
    "src",
    `src/${"a".repeat(300)}.tsx`,
  ])("refuses the unsafe path %j", async (unsafePath) => {
    const error: unknown = await buildProjectZip({
      name: "c",
      files: { ...(await counterFiles()), [unsafePath]: "x" },
    }).catch((thrown: unknown) => thrown)
    expect(StudioError.isInstance(error) && error.code).toBe("unsafe_path")
  })

  it("refuses a version that imports what generated code may not, naming each file and line", async () => {
    const files = {
      ...(await counterFiles()),
      "src/components/Leak.tsx":
        'import a from "@/lib/../../../../../../etc/passwd"\nimport b from "react?raw"\n',
      "src/components/leak.css": '@import "/etc/passwd";\n',
    }
    const error = await buildProjectZip({ name: "c", files }).catch((thrown: unknown) => thrown)
    expect(StudioError.isInstance(error) && error.code).toBe("validation_failed")
    expect(StudioError.isInstance(error) && error.toPublic().message).toBe(
      "The version cannot be exported: src/components/Leak.tsx:1:15: Import refused: `..` leads out of the kit's " +
        'sources. src/components/Leak.tsx:2:15: Import "react?raw" refused: queries such as ?raw, ?url or ?inline ' +
        "are not allowed. src/components/leak.css:1:9: @import refused: an absolute path points outside the job " +
        "folder.",
    )
  })

  it("refuses a version without a component", async () => {
    await expect(buildProjectZip({ name: "c", files: { "src/lib/helpers.ts": "" } })).rejects.toMatchObject({
      code: "validation_failed",
    })
  })
})

// Tests as the spec: a version of given Jest-style tests (packages/server/test/tests-as-spec-studio.test.ts runs such
// an exported project's tests with Vitest).
describe("buildProjectZip of a version made from given tests", () => {
  const fixtures = path.join(REPO_ROOT, "packages/engine/test/fixtures/tests-as-spec/taskNav")
  const taskNavFiles = async () => ({
    "src/components/TaskNav.tsx": await readFile(path.join(fixtures, "TaskNav.tsx"), "utf8"),
    "src/components/TaskNav.test.js": await readFile(path.join(fixtures, "TaskNav.test.js"), "utf8"),
  })
  const givenTests = ["src/components/TaskNav.test.js"]

  it("refuses react-router-dom without the mode, as the preview and the sandbox do", async () => {
    const error = await buildProjectZip({ name: "TaskNav", files: await taskNavFiles() }).catch(
      (thrown: unknown) => thrown,
    )
    expect(StudioError.isInstance(error) && error.code).toBe("validation_failed")
    expect(StudioError.isInstance(error) && error.toPublic().message).toContain("react-router-dom")
  })

  it("keeps the given tests and lists react-router-dom and fetch-mock (dev) in package.json", async () => {
    const files = await taskNavFiles()
    const project = unzipProject(await buildProjectZip({ name: "TaskNav", files, givenTests }), "task-nav")
    expect(project["src/components/TaskNav.test.js"]).toBe(files["src/components/TaskNav.test.js"])
    const manifest = JSON.parse(project["package.json"] ?? "") as Record<string, Record<string, string>>
    expect(manifest.dependencies).toMatchObject({ ...PROJECT_DEPENDENCIES, "react-router-dom": "^7.18.7" })
    expect(manifest.devDependencies).toMatchObject({ ...PROJECT_DEV_DEPENDENCIES, "fetch-mock": "^11.1.5" })
    expect(unresolvedImports(project)).toEqual([])
  })

  it("runs Jest-style tests: globals, a jest object, JSX in .js, and the page inside a MemoryRouter", async () => {
    const project = unzipProject(
      await buildProjectZip({ name: "TaskNav", files: await taskNavFiles(), givenTests }),
      "task-nav",
    )
    const config = project["vite.config.ts"] ?? ""
    expect(config).toContain("plugins: [jestStyleTests(), react(), tailwindcss()]")
    expect(config).toContain("globals: true")
    expect(config).toContain('setupFiles: ["./src/test-setup.ts", "./src/jest-setup.ts"]')
    expect(config).toContain('lang: "jsx"')
    expect(project["src/jest-setup.ts"]).toContain("globalThis.jest = new Proxy(vi")
    expect(JSON.parse(project["tsconfig.json"] ?? "").compilerOptions.types).toContain("vitest/globals")
    expect(project["src/main.tsx"]).toContain('import { MemoryRouter } from "react-router-dom"')
    expect(project["src/main.tsx"]).toContain("<MemoryRouter>")
  })

  it("leaves a version of generated tests as it was: no jest setup, no router, no extra packages", async () => {
    const project = unzipProject(
      await buildProjectZip({ name: "Counter", files: await counterFiles(), givenTests: [] }),
      "counter",
    )
    expect(project["src/jest-setup.ts"]).toBeUndefined()
    expect(project["vite.config.ts"]).not.toContain("globals")
    expect(project["src/main.tsx"]).not.toContain("MemoryRouter")
    expect(JSON.parse(project["package.json"] ?? "").dependencies).toEqual(PROJECT_DEPENDENCIES)
  })
})

describe("assertSafeSourcePath", () => {
  it("accepts plain paths under src/", () => {
    expect(() => assertSafeSourcePath("src/components/Counter.tsx")).not.toThrow()
    expect(() => assertSafeSourcePath("src/components/forms/Field.test.tsx")).not.toThrow()
  })
})

describe("packageNameOf", () => {
  it.each([
    ["PricingTable", "pricing-table"],
    ["My  Project!", "my-project"],
    ["../../etc", "etc"],
    ["Ünïcode", "n-code"],
    ["", "component"],
    ["!!!", "component"],
    ["x".repeat(100), "x".repeat(64)],
  ])("turns %j into %j", (name, expected) => {
    expect(packageNameOf(name)).toBe(expected)
  })
})
