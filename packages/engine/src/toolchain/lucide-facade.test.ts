import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { describe, it, expect } from "vitest"
import { createLucideFacade, lucideImportsOf, parseLucideBarrel } from "./lucide-facade"

const barrel = `import * as index from './icons/index.mjs';
export { index as icons };
export { default as Plus, default as PlusIcon, default as LucidePlus } from './icons/plus.mjs';
export { LucideProvider, useLucideContext } from './context.mjs';
`

describe("parseLucideBarrel", () => {
  it("maps every exported name to its module", () => {
    const exports = parseLucideBarrel(barrel, "/lucide/dist/esm/lucide-react.mjs")
    expect(exports.get("PlusIcon")).toEqual({ file: "/lucide/dist/esm/icons/plus.mjs", imported: "default" })
    expect(exports.get("useLucideContext")).toEqual({
      file: "/lucide/dist/esm/context.mjs",
      imported: "useLucideContext",
    })
    expect(exports.has("icons")).toBe(false)
  })

  it("understands the installed lucide-react barrel", () => {
    const require = createRequire(import.meta.url)
    const barrelPath = path.join(
      path.dirname(require.resolve("lucide-react/package.json")),
      "dist/esm/lucide-react.mjs",
    )
    const exports = parseLucideBarrel(readFileSync(barrelPath, "utf8"), barrelPath)
    expect(exports.size).toBeGreaterThan(1000)
    expect(exports.get("Plus")?.file).toMatch(/icons[\\/]plus\.mjs$/)
  })
})

describe("lucideImportsOf", () => {
  it("collects named imports, with aliases and types", () => {
    const imports = lucideImportsOf([
      'import { Plus, Minus as Less, type LucideProps } from "lucide-react"',
      'import type { LucideIcon } from "lucide-react"\nimport { X } from "other"',
      'export { Check } from "lucide-react"',
    ])
    expect([...imports.names].sort()).toEqual(["Check", "LucideIcon", "LucideProps", "Minus", "Plus"])
    expect(imports.needsWholePackage).toBe(false)
  })

  it("asks for the whole package for a namespace import or the icons object", () => {
    expect(lucideImportsOf(['import * as Icons from "lucide-react"']).needsWholePackage).toBe(true)
    expect(lucideImportsOf(['import { icons } from "lucide-react"']).needsWholePackage).toBe(true)
  })
})

describe("createLucideFacade", () => {
  it("re-exports only the requested names that exist", () => {
    const exports = parseLucideBarrel(barrel, "/l/lucide-react.mjs")
    expect(createLucideFacade(["PlusIcon", "LucideProps", "useLucideContext"], exports)).toBe(
      'export { default as PlusIcon } from "/l/icons/plus.mjs"\nexport { useLucideContext } from "/l/context.mjs"\n',
    )
  })
})
