import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import type { Contract } from "@studio/protocol"
import { KIT_DIR } from "../../toolchain/kit-paths"
import { fillTemplate, loadPromptTemplates, renderStageMessages } from "./prompts"

const KIT_SRC = path.join(KIT_DIR, "src")
const CONTRACT: Contract = {
  name: "Counter",
  summary: "A counter.",
  props: [{ name: "start", type: "number", required: false, default: "0" }],
  requirements: [
    { id: "R1", text: "Shows the count." },
    { id: "R2", text: "Clicking the button adds one." },
  ],
}

/** The `- \`@/...\`: A, B` lines of the system prompt, as module -> exported names. */
function kitModulesNamedInPrompt(): Map<string, string[]> {
  const modules = new Map<string, string[]>()
  for (const match of loadPromptTemplates().system.matchAll(/^- `@\/([\w/-]+)`: (.+)$/gm)) {
    modules.set(
      match[1] ?? "",
      (match[2] ?? "").split(",").map((name) => name.trim()),
    )
  }
  return modules
}

/** Names a kit file exports through `export { ... }` lists and `export function/const` declarations. */
function exportsOfKitFile(modulePath: string): Set<string> {
  const file = [".tsx", ".ts"]
    .map((ext) => path.join(KIT_SRC, modulePath + ext))
    .find((candidate) => {
      try {
        readFileSync(candidate)
        return true
      } catch {
        return false
      }
    })
  if (file === undefined) throw new Error(`no kit file for @/${modulePath}`)
  const source = readFileSync(file, "utf8")
  const names = new Set<string>()
  for (const list of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const entry of (list[1] ?? "").split(",")) {
      const name = entry
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)
        .pop()
      if (name) names.add(name)
    }
  }
  for (const declared of source.matchAll(/export\s+(?:function|const|class|interface|type)\s+(\w+)/g)) {
    names.add(declared[1] ?? "")
  }
  return names
}

describe("prompt templates", () => {
  it("name only kit modules and exports that exist", () => {
    const named = kitModulesNamedInPrompt()
    expect(named.size).toBeGreaterThan(10)
    for (const [modulePath, exports] of named) {
      const real = exportsOfKitFile(modulePath)
      for (const name of exports) expect(real, `@/${modulePath} exports ${name}`).toContain(name)
    }
  })

  it("name every kit component module", () => {
    const named = kitModulesNamedInPrompt()
    const kitModules = readdirSync(path.join(KIT_SRC, "components", "ui"))
      .filter((file) => file.endsWith(".tsx") && !file.endsWith(".test.tsx"))
      .map((file) => `components/ui/${file.replace(/\.tsx$/, "")}`)
    expect(kitModules.length).toBeGreaterThan(0)
    for (const modulePath of kitModules) expect([...named.keys()]).toContain(modulePath)
  })

  it("state the generated project's conventions and the output format", () => {
    const { system, interpret } = loadPromptTemplates()
    expect(system).toContain("default-exports")
    expect(system).toContain("exported interface")
    expect(system).toMatch(/`describe`, `it`, `expect` and `vi` from `"vitest"`/)
    expect(system).toContain('it("R1: ')
    expect(system).toContain('file="src/components/Counter.tsx"')
    expect(interpret).toContain("JSON object")
  })
})

describe("fillTemplate", () => {
  it("substitutes in one pass and refuses a placeholder without a value", () => {
    expect(fillTemplate("a {{x}} b {{y}}", { x: "{{y}}", y: "2" })).toBe("a {{y}} b 2")
    expect(() => fillTemplate("{{missing}}", {})).toThrow(/missing/)
  })
})

describe("renderStageMessages", () => {
  it("renders interpret as system + user with the request, and a follow-up with the earlier version", () => {
    const [system, user] = renderStageMessages({ stage: "interpret", prompt: "a counter that starts at 5" })
    expect(system?.role).toBe("system")
    expect(system?.content).toContain("@/components/ui/button")
    expect(user?.role).toBe("user")
    expect(user?.content).toContain("a counter that starts at 5")
    expect(user?.content).not.toContain("follow-up")
    expect(user?.content).not.toMatch(/\{\{\w+\}\}/)

    const followUp = renderStageMessages({
      stage: "interpret",
      prompt: "make it red",
      previous: {
        prompt: "a counter",
        contract: CONTRACT,
        files: { "src/components/Counter.tsx": "export {}\n" },
      },
    })[1]?.content
    expect(followUp).toContain("follow-up")
    expect(followUp).toContain('```tsx file="src/components/Counter.tsx"\nexport {}\n```')
    expect(followUp).toContain('"name": "Counter"')
  })

  it("renders scaffold and unit_test with the contract, paths and public interface", () => {
    const scaffold = renderStageMessages({ stage: "scaffold", contract: CONTRACT })[1]?.content ?? ""
    expect(scaffold).toContain('file="src/components/Counter.tsx"')
    expect(scaffold).toContain("interface CounterProps")
    expect(scaffold).toContain('"text": "Clicking the button adds one."')

    const unitTest =
      renderStageMessages({
        stage: "unit_test",
        contract: CONTRACT,
        componentPath: "src/components/Counter.tsx",
        publicInterface: "export interface CounterProps { start?: number }",
      })[1]?.content ?? ""
    expect(unitTest).toContain('file="src/components/Counter.test.tsx"')
    expect(unitTest).toContain("export interface CounterProps { start?: number }")
    expect(unitTest).toContain('"./Counter"')
    // plain fake timers hang userEvent (seen in both plain Vitest and the sandbox): the prompt must say how
    expect(unitTest).toContain("vi.useFakeTimers({ shouldAdvanceTime: true })")
    expect(unitTest).toContain("advanceTimers: vi.advanceTimersByTime")
  })

  it("renders repair with the files, the failing tests and diagnostics, fencing files that contain fences", () => {
    const content =
      renderStageMessages({
        stage: "repair",
        contract: CONTRACT,
        attempt: 2,
        files: { "src/components/Counter.tsx": "const doc = `\n```\n`\n" },
        failingTests: [
          { name: "R2: adds one", status: "fail", durationMs: 3, error: "expected 1 to be 2" },
          { name: "R1: shows the count", status: "pass", durationMs: 2 },
        ],
        diagnostics: [
          {
            source: "typescript",
            path: "src/components/Counter.tsx",
            line: 3,
            column: 7,
            message: "Type 'string' is not assignable to type 'number'.",
            severity: "error",
            code: "TS2322",
          },
        ],
      })[1]?.content ?? ""
    expect(content).toContain("repair attempt 2")
    expect(content).toContain('````tsx file="src/components/Counter.tsx"\nconst doc = `\n```\n`\n````')
    expect(content).toContain("- R2: adds one\n  expected 1 to be 2")
    expect(content).not.toContain("R1: shows the count")
    expect(content).toContain("- src/components/Counter.tsx:3:7 error typescript TS2322: Type 'string'")
  })

  it("adds the retry reason when the caller retries the stage", () => {
    const content =
      renderStageMessages(
        { stage: "interpret", prompt: "a counter" },
        { retryReason: "name must be PascalCase" },
      )[1]?.content ?? ""
    expect(content).toContain("could not be used: name must be PascalCase")
  })
})
