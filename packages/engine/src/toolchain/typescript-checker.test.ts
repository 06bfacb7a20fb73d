import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { afterAll, describe, it, expect } from "vitest"
import { createTypeScriptChecker } from "./typescript-checker"

const counter = `import { useState } from "react"
import { Minus, Plus } from "lucide-react"
import { cn } from "@/lib/utils"

export interface CounterProps {
  initial?: number
  label: string
}

export default function Counter({ initial = 0, label }: CounterProps) {
  const [count, setCount] = useState(initial)
  return (
    <div className={cn("flex gap-2", count > 0 && "font-bold")}>
      <button type="button" aria-label="Decrement" onClick={() => setCount((c) => c - 1)}>
        <Minus aria-hidden="true" />
      </button>
      <span>
        {label}: {count}
      </span>
      <button type="button" aria-label="Increment" onClick={() => setCount((c) => c + 1)}>
        <Plus aria-hidden="true" />
      </button>
    </div>
  )
}
`

const counterTest = `import { describe, it, expect, vi } from "vitest"
import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import Counter from "@/components/Counter"

describe("Counter", () => {
  it("R1: increments", async () => {
    const user = userEvent.setup()
    const spy = vi.fn()
    render(<Counter label="Clicks" />)
    await user.click(screen.getByRole("button", { name: "Increment" }))
    expect(screen.getByText("Clicks: 1")).toBeInTheDocument()
    expect(spy).not.toHaveBeenCalled()
  })
})
`

const checker = await createTypeScriptChecker()

describe("TypeScript checker", () => {
  it("reports nothing for a correct component and test using the kit, lucide-react and jest-dom", () => {
    const diagnostics = checker.check({
      "src/components/Counter.tsx": counter,
      "src/components/Counter.test.tsx": counterTest,
    })
    expect(diagnostics).toEqual([])
  })

  it("reports a type error with a job-relative path and 1-based line and column", () => {
    const broken = `export interface BadgeProps {\n  count: number\n}\n\nexport default function Badge({ count }: BadgeProps) {\n  const label: string = count\n  return <span>{label}</span>\n}\n`
    const diagnostics = checker.check({ "src/components/Badge.tsx": broken })
    expect(diagnostics).toEqual([
      {
        source: "typescript",
        path: "src/components/Badge.tsx",
        line: 6,
        column: 9,
        message: "Type 'number' is not assignable to type 'string'.",
        severity: "error",
        code: "TS2322",
      },
    ])
  })

  it("sees an edit on a warm re-check, and a fixed error disappears", () => {
    const files = { "src/components/Counter.tsx": counter, "src/components/Counter.test.tsx": counterTest }
    expect(checker.check(files)).toEqual([])
    const edited = counter.replace("label: string", "label: number")
    const afterEdit = checker.check({ ...files, "src/components/Counter.tsx": edited })
    expect(afterEdit).toEqual([
      expect.objectContaining({
        path: "src/components/Counter.test.tsx",
        line: 10,
        message: "Type 'string' is not assignable to type 'number'.",
      }),
    ])
    expect(checker.check(files)).toEqual([])
  })

  it("does not let a file of a previous job resolve in the next one", () => {
    const helper = "export const greeting = 'hi'\n"
    const user = `import { greeting } from "./helper"\nimport { other } from "@/lib/greetings"\nexport const text: string = greeting + String(other)\n`
    const first = checker.check({
      "src/components/helper.ts": helper,
      "src/components/user.ts": user,
      "src/lib/greetings.ts": "export const other = 1\n",
    })
    // @/lib/* is the kit's, never the job's: the job's own src/lib is not reachable that way.
    expect(first).toEqual([expect.objectContaining({ line: 2, code: "TS2307" })])
    const next = checker.check({
      "src/components/user.ts": user
        .replace(/\nimport \{ other \}.*\n/, "\n")
        .replace(" + String(other)", ""),
    })
    expect(next).toEqual([
      expect.objectContaining({
        path: "src/components/user.ts",
        line: 1,
        column: 26,
        code: "TS2307",
        message: expect.stringContaining("./helper"),
      }),
    ])
  })

  it("reports a syntax error", () => {
    const diagnostics = checker.check({ "src/components/Broken.tsx": "const a = 1\nlet q = ;\n" })
    expect(diagnostics[0]).toMatchObject({
      path: "src/components/Broken.tsx",
      line: 2,
      column: 9,
      severity: "error",
    })
  })

  it("rejects paths outside the job", () => {
    const diagnostics = checker.check({ "../escape.ts": "export {}\n" })
    expect(diagnostics).toEqual([
      expect.objectContaining({ path: "../escape.ts", message: expect.stringContaining("outside the job") }),
    ])
  })

  it("stops when the signal is aborted", () => {
    const controller = new AbortController()
    controller.abort()
    expect(() => checker.check({ "src/a.ts": "export {}\n" }, controller.signal)).toThrow(/abort/i)
  })
})

describe("TypeScript checker messages", () => {
  it("name job modules by job path and never show host paths", () => {
    const code = `import * as utils from "@/lib/utils"\nimport * as helper from "./helper"\nexport const a: number = utils\nexport const b: number = helper\n`
    const diagnostics = checker.check({
      "src/components/Uses.tsx": code,
      "src/components/helper.ts": "export const x = 1\n",
    })
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      expect.stringMatching(/^Type 'typeof import\(".*"\)' is not assignable to type 'number'\.$/),
      `Type 'typeof import("src/components/helper")' is not assignable to type 'number'.`,
    ])
    for (const { message } of diagnostics) expect(message).not.toMatch(/\/work\/|__job__/)
  })
})

describe("TypeScript checker: what it reads for a job", () => {
  // A canary whose literal type would show in a type error if the checker read it.
  const scratch = mkdtempSync(path.join(tmpdir(), "studio-checker-"))
  const token = "canary-checker-8e41c2b7d9a0"
  const canary = path.join(scratch, "canary.ts")
  writeFileSync(
    canary,
    `export const secret = ${JSON.stringify(token)}\ndeclare global { const leakedGlobal: ${JSON.stringify(token)} }\n`,
  )
  const up = "../".repeat(40)
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  const leaks = (diagnostics: unknown) => JSON.stringify(diagnostics).includes(token)

  it("does not resolve a refused import, so nothing outside is read, and says so at the import", () => {
    for (const specifier of [
      `@/lib/${up}${canary.slice(1, -3)}`,
      `${up}${canary.slice(1, -3)}`,
      canary.slice(0, -3),
      `react/${up}${canary.slice(1, -3)}`,
    ]) {
      const diagnostics = checker.check({
        "src/components/Leak.tsx": `import { secret } from ${JSON.stringify(specifier)}\nexport const shown: 1 = secret\n`,
      })
      expect(diagnostics, specifier).toContainEqual(
        expect.objectContaining({
          path: "src/components/Leak.tsx",
          line: 1,
          severity: "error",
          code: "TS2307",
        }),
      )
      expect(leaks(diagnostics), specifier).toBe(false)
    }
  })

  it("reads no host file through an import type or a triple-slash reference", () => {
    const diagnostics = checker.check({
      "src/components/Leak.tsx": [
        `/// <reference path=${JSON.stringify(canary)} />`,
        `type Secret = typeof import(${JSON.stringify(canary.slice(0, -3))}).secret`,
        "export const a: 1 = '' as Secret",
        "export const b: 1 = leakedGlobal",
      ].join("\n"),
    })
    expect(diagnostics.some((d) => d.severity === "error" && d.path === "src/components/Leak.tsx")).toBe(true)
    expect(leaks(diagnostics)).toBe(false)
  })

  it("resolves a package from node_modules, never from a node_modules folder inside the job", () => {
    const poisoned = checker.check({
      "src/node_modules/react/index.ts": "export const useState = 1\n",
      "src/components/A.tsx": 'import { useState } from "react"\nexport const n: number = useState\n',
    })
    // The real React's useState is a function, so this is an error; the job's stand-in would have been a number.
    expect(poisoned).toContainEqual(
      expect.objectContaining({ path: "src/components/A.tsx", line: 2, code: "TS2322" }),
    )
  })

  it("does not follow a kit file that is a symlink to somewhere else", async () => {
    const kitDir = path.join(scratch, "kit")
    mkdirSync(path.join(kitDir, "src", "components", "ui"), { recursive: true })
    writeFileSync(
      path.join(kitDir, "src", "components", "ui", "badge.ts"),
      "export const badge = 'badge' as const\n",
    )
    symlinkSync(canary, path.join(kitDir, "src", "components", "ui", "leak.ts"))
    const isolated = await createTypeScriptChecker({ kitDir, pinnedModules: [] })
    const diagnostics = isolated.check({
      "src/components/Leak.tsx": [
        'import { badge } from "@/components/ui/badge"',
        'import { secret } from "@/components/ui/leak"',
        "export const a: 1 = badge",
        "export const b: 1 = secret",
      ].join("\n"),
    })
    isolated.dispose()
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ line: 2, code: "TS2307", severity: "error" }),
    )
    // The real kit file is read: its type shows in the error of line 3.
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ line: 3, message: expect.stringContaining('"badge"') }),
    )
    expect(leaks(diagnostics)).toBe(false)
  })
})
