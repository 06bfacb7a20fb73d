// `studio exec` decides the exit code, the summary and the JSON; run in-process on the shared warm engine
// (studio-binary.test.ts runs the binary itself).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { execResultSchema } from "@studio/protocol"
import { repoRoot, runStudioInProcess } from "./support/in-process"

mkdirSync(path.join(repoRoot, ".studio"), { recursive: true })
const scratch = mkdtempSync(path.join(repoRoot, ".studio", "cli-test-"))

const studio = (args: string[]) => runStudioInProcess(args)

function lastJsonLine(stdout: string) {
  const last = stdout.trim().split("\n").at(-1) ?? ""
  return execResultSchema.parse(JSON.parse(last))
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe("studio exec", () => {
  it("exits 1 when nothing failed but a test is skipped: not verified is not a pass", async () => {
    const dir = path.join(scratch, "skipped")
    cpSync(path.join(repoRoot, "examples/counter"), dir, { recursive: true })
    const testFile = path.join(dir, "src/components/Counter.test.tsx")
    // The project under test skips R3 on purpose: a skipped test must not pass as proof.
    writeFileSync(testFile, readFileSync(testFile, "utf8").replace('it("R3: resets"', 'it.skip("R3: resets"'))
    const json = await studio(["exec", dir, "--json"])
    expect(json.code).toBe(1)
    const report = lastJsonLine(json.stdout)
    // ok (nothing failed), and still not proven.
    expect(report).toMatchObject({
      ok: true,
      verdict: "unverified",
      reasons: ['1 test skipped: "R3: resets"'],
    })
    const human = await studio(["exec", dir])
    expect(human.code).toBe(1)
    expect(human.stdout).toMatch(/not verified: 2 passed, 0 failed, 1 skipped/)
    expect(human.stdout).toContain('1 test skipped: "R3: resets"')
  })

  it("with DIR/contract.json, a requirement without a traced test exits 1; a broken contract.json exits 2", async () => {
    const dir = path.join(scratch, "contract")
    cpSync(path.join(repoRoot, "examples/counter"), dir, { recursive: true })
    const contract = {
      name: "Counter",
      summary: "A counter.",
      props: [],
      requirements: ["R1", "R2", "R3", "R4"].map((id) => ({ id, text: `requirement ${id}` })),
    }
    writeFileSync(path.join(dir, "contract.json"), JSON.stringify(contract))
    const result = await studio(["exec", dir, "--json"])
    expect(result.code).toBe(1)
    expect(lastJsonLine(result.stdout)).toMatchObject({ verdict: "unverified", reasons: ["R4 has no test"] })

    writeFileSync(path.join(dir, "contract.json"), JSON.stringify({ ...contract, requirements: "R1" }))
    const broken = await studio(["exec", dir])
    expect(broken.code).toBe(2)
    expect(broken.stderr).toMatch(/contract\.json: not a contract: requirements: /)
  })

  it("exits 1 with the failing test and the type error in a readable summary", async () => {
    const dir = path.join(scratch, "failing")
    cpSync(path.join(repoRoot, "examples/counter"), dir, { recursive: true })
    const testFile = path.join(dir, "src/components/Counter.test.tsx")
    writeFileSync(
      testFile,
      `import { it, expect } from "vitest"\nimport { render, screen } from "@testing-library/react"\nimport Counter from "./Counter"\n` +
        `it("R1: shows the label", () => { render(<Counter label="Clicks" />); expect(screen.getByText("Clicks: 0")).toBeInTheDocument() })\n` +
        `it("R2: starts at five", () => { render(<Counter />); expect(screen.getByText("Count: 5")).toBeInTheDocument() })\n` +
        `const wrong: number = "text"\n`,
    )
    const result = await studio(["exec", dir])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/✓ R1: shows the label/)
    expect(result.stdout).toMatch(/✗ R2: starts at five/)
    expect(result.stdout).toMatch(/Counter\.test\.tsx:6:7 .*not assignable to type 'number'/)
    expect(result.stdout).toMatch(/failed: 1 passed, 1 failed/)
    expect(result.stdout).toMatch(/· 1 test failed: "R2: starts at five"/)
    expect(result.stdout).toMatch(/· type-check reported 1 error/)
    expect(result.stdout).not.toContain("\u001b[")
  })

  it("runs the accessibility check: a clean project passes it, an icon-only button without a name fails it", async () => {
    const clean = path.join(scratch, "accessible")
    cpSync(path.join(repoRoot, "examples/counter"), clean, { recursive: true })
    const passed = await studio(["exec", clean])
    expect(passed.code).toBe(0)
    expect(passed.stdout).toMatch(/✓ axe {9}no problems/)

    const dir = path.join(scratch, "inaccessible")
    cpSync(path.join(repoRoot, "examples/counter"), dir, { recursive: true })
    const component = path.join(dir, "src/components/Counter.tsx")
    const source = readFileSync(component, "utf8")
    // A second, icon-only button with no name beside the labelled one the tests use.
    const unnamed =
      '<button type="button" onClick={() => setN(n + 2)}>\n        <Plus className="h-4 w-4" />\n      </button>\n      '
    writeFileSync(component, source.replace("<button", `${unnamed}<button`))
    const json = await studio(["exec", dir, "--json"])
    expect(json.code).toBe(1)
    const report = lastJsonLine(json.stdout)
    // The tests still pass; the check fails the verdict on its own, and is no test case.
    expect(report.tests.every((test) => test.status === "pass")).toBe(true)
    expect(report.tests.some((test) => /axe|accessib/i.test(test.name))).toBe(false)
    expect(report.diagnostics.filter((diagnostic) => diagnostic.source === "axe")).toEqual([
      expect.objectContaining({
        path: "src/components/Counter.tsx",
        ruleId: "button-name",
        severity: "error",
        message: expect.stringMatching(
          /^Buttons must have discernible text \[critical\]: <button type="button">/,
        ),
      }),
    ])
    expect(report).toMatchObject({ verdict: "failed", reasons: ["the accessibility check reported 1 error"] })
    const human = await studio(["exec", dir])
    expect(human.code).toBe(1)
    expect(human.stdout).toMatch(/✗ axe {9}1 error\(s\), 0 warning\(s\)/)
    expect(human.stdout).toMatch(/Counter\.tsx Buttons must have discernible text .*\(button-name\)/)
  })
})
