import { Linter } from "eslint"
import tseslint from "typescript-eslint"
import { describe, it, expect } from "vitest"
import { allowedImportsRule } from "./eslint-config"

const linter = new Linter({ configType: "flat" })
const config: Linter.Config[] = [
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: tseslint.parser as Linter.Parser },
    plugins: { studio: { rules: { "allowed-imports": allowedImportsRule } } },
    rules: { "studio/allowed-imports": "error" },
  },
]

function lintImports(code: string, filename = "src/components/X.tsx") {
  return linter.verify(code, config, { filename }).map((message) => [message.line, message.message])
}

describe("allowedImportsRule", () => {
  it("reports re-exports, dynamic imports and require of other packages", () => {
    expect(
      lintImports('export * from "node:os"\nexport { a } from "./a"\nconst m = import("child_process")\n'),
    ).toEqual([
      [1, expect.stringContaining('"node:os" may not be imported by generated components')],
      [3, expect.stringContaining('"child_process"')],
    ])
    expect(lintImports('const fs = require("fs")\n')).toEqual([[1, expect.stringContaining("require()")]])
  })

  it("rejects computed module names", () => {
    expect(lintImports("const name = 'fs'\nconst m = import(name)\n")).toEqual([
      [2, expect.stringContaining("computed name")],
    ])
  })

  it("lists what tests may import", () => {
    expect(lintImports('import x from "jsdom"\n', "src/components/X.test.tsx")).toEqual([
      [1, expect.stringMatching(/generated tests\. Allowed: .*vitest/)],
    ])
  })

  it("reports what the module resolver refuses: ways out of the job or the kit, queries, attributes", () => {
    expect(
      lintImports(
        [
          'import a from "@/lib/../../../../etc/passwd"',
          'import b from "react/../../../x"',
          'import c from "@/components/ui/button?raw"',
          'import d from "./d" with { type: "text" }',
          'import { e } from "./e"',
        ].join("\n"),
      ),
    ).toEqual([
      [1, "Import refused: `..` leads out of the kit's sources."],
      [2, expect.stringContaining("`..` segments")],
      [3, expect.stringContaining("queries such as ?raw")],
      [4, expect.stringContaining("Import attributes")],
    ])
  })
})
