import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { parseCircular, parseDependencyTree } from "dpdm"
import { describe, expect, it } from "vitest"

const repoRoot = path.resolve(import.meta.dirname, "..")

/** Every cycle among the files the globs match (under `root`), as "a.ts -> b.ts" strings. */
async function importCycles(root: string, globs: string[]): Promise<{ files: number; cycles: string[] }> {
  // transform: false keeps `import type`: a type-only cycle still ties two modules into one unit to read and change.
  const tree = await parseDependencyTree(globs, {
    context: root,
    cwd: root,
    transform: false,
    exclude: /node_modules|\/test\/fixtures\//,
  })
  return { files: Object.keys(tree).length, cycles: parseCircular(tree).map((cycle) => cycle.join(" -> ")) }
}

describe("import cycles", () => {
  it("there are none in the packages, their tests, the benchmark or the end-to-end suite", async () => {
    const { files, cycles } = await importCycles(repoRoot, [
      "packages/*/src/**/*.{ts,tsx}",
      "packages/*/test/**/*.{ts,tsx}",
      "packages/*/scripts/**/*.ts",
      "bench/**/*.ts",
      "e2e/**/*.ts",
    ])
    expect(files).toBeGreaterThan(100)
    expect(cycles).toEqual([])
  })

  it("would see a cycle made only of `import type`", async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), "import-cycles-"))
    try {
      writeFileSync(
        path.join(scratch, "app.ts"),
        'import { routes } from "./routes"\nexport interface Deps { n: number }\nexport const app = routes\n',
      )
      writeFileSync(
        path.join(scratch, "routes.ts"),
        'import type { Deps } from "./app"\nexport const routes = (deps: Deps) => deps.n\n',
      )
      const { cycles } = await importCycles(scratch, ["*.ts"])
      expect(cycles.map((cycle) => cycle.split(" -> ").sort())).toEqual([["app.ts", "routes.ts"]])
    } finally {
      rmSync(scratch, { recursive: true, force: true })
    }
  })
})
