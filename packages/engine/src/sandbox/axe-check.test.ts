import path from "node:path"
import { describe, expect, it } from "vitest"
import {
  accessibilityDiagnostics,
  accessibilityProvided,
  accessibilityRequestFor,
  accessibilityResultDiagnostics,
  AXE_DISABLED_RULES,
  AXE_META_KEY,
  readAccessibilityReport,
  type AccessibilityReport,
} from "./axe-check"

const ENTRY = "src/components/Logo.tsx"

function report(violations: AccessibilityReport["violations"]): AccessibilityReport {
  return { violations, elements: 3, durationMs: 12 }
}

function violation(
  id: string,
  impact: "minor" | "moderate" | "serious" | "critical" | null,
  nodes: { html: string; target?: string[]; failureSummary?: string }[],
): AccessibilityReport["violations"][number] {
  return {
    id,
    impact,
    help: `help for ${id}`,
    helpUrl: `https://dequeuniversity.com/rules/axe/4.14/${id}?application=axeAPI`,
    nodes: nodes.map((node) => ({ target: node.target ?? ["img"], ...node })),
    moreNodes: 0,
  }
}

describe("accessibilityDiagnostics", () => {
  it("makes critical and serious violations errors, moderate and minor warnings, each with its rule id", () => {
    const found = accessibilityDiagnostics(
      report([
        violation("image-alt", "critical", [{ html: '<img src="logo.png">' }]),
        violation("list", "serious", [{ html: "<ul><div></div></ul>", target: ["ul"] }]),
        violation("heading-order", "moderate", [{ html: "<h4>x</h4>", target: ["h4"] }]),
        violation("accesskeys", "minor", [{ html: '<a accesskey="s">x</a>', target: ["a"] }]),
      ]),
      ENTRY,
    )
    expect(found.map((d) => [d.ruleId, d.severity, d.source, d.path, d.code])).toEqual([
      ["image-alt", "error", "axe", ENTRY, "critical"],
      ["list", "error", "axe", ENTRY, "serious"],
      ["heading-order", "warning", "axe", ENTRY, "moderate"],
      ["accesskeys", "warning", "axe", ENTRY, "minor"],
    ])
  })

  it("says what is wrong, which element, and the fix: axe's first remedy and the rule's page", () => {
    const [diagnostic] = accessibilityDiagnostics(
      report([
        violation("image-alt", "critical", [
          {
            html: '<img src="logo.png">',
            target: ["div > img"],
            failureSummary:
              "Fix any of the following:\n  Element does not have an alt attribute\n  aria-label attribute does not exist or is empty\n  Element has no title attribute",
          },
        ]),
      ]),
      ENTRY,
    )
    expect(diagnostic?.message).toBe(
      'help for image-alt [critical]: <img src="logo.png"> at `div > img`. Fix: Element does not have an alt ' +
        "attribute (or 2 other ways); see https://dequeuniversity.com/rules/axe/4.14/image-alt",
    )
  })

  it("shortens long HTML, hides host paths in it, and counts the elements beyond five per rule", () => {
    const long = `<img src="/home/someone/secret/project/logo.png" data-x="${"y".repeat(400)}">`
    const nodes = Array.from({ length: 7 }, () => ({ html: long }))
    const found = accessibilityDiagnostics(
      report([{ ...violation("image-alt", "critical", nodes), moreNodes: 3 }]),
      ENTRY,
    )
    expect(found).toHaveLength(5)
    for (const diagnostic of found) {
      expect(diagnostic.message).not.toContain("/home/someone")
      expect(diagnostic.message.length).toBeLessThan(500)
      expect(diagnostic.message).toContain("…")
    }
    expect(found.at(-1)?.message).toContain("(and 5 more elements)")
    expect(found[0]?.message).not.toContain("more element")
  })

  it("never links anywhere but Deque's rule pages", () => {
    const [diagnostic] = accessibilityDiagnostics(
      report([
        { ...violation("image-alt", "critical", [{ html: "<img>" }]), helpUrl: "https://evil.example/phish" },
      ]),
      ENTRY,
    )
    expect(diagnostic?.message).toContain("see https://dequeuniversity.com/rules/axe/")
    expect(diagnostic?.message).not.toContain("evil.example")
  })

  it("reports a check that could not render the component as a warning, not a verdict", () => {
    const found = accessibilityDiagnostics(
      { violations: [], elements: 0, error: "the component threw while rendering: boom", durationMs: 1 },
      ENTRY,
    )
    expect(found).toEqual([
      expect.objectContaining({
        source: "axe",
        severity: "warning",
        message: "the accessibility check did not run: the component threw while rendering: boom",
      }),
    ])
  })

  it("says so when the sandbox returned no report or a report it could not read", () => {
    expect(accessibilityResultDiagnostics(undefined, ENTRY)).toEqual([
      expect.objectContaining({
        severity: "warning",
        message: expect.stringMatching(/backend did not run it/),
      }),
    ])
    expect(accessibilityResultDiagnostics({ error: "the check's report could not be read" }, ENTRY)).toEqual([
      expect.objectContaining({ severity: "warning", message: expect.stringMatching(/could not be read/) }),
    ])
    expect(accessibilityResultDiagnostics(report([]), ENTRY)).toEqual([])
  })
})

describe("readAccessibilityReport", () => {
  it("reads the report the worker left in the file's meta, filling in the defaults", () => {
    const meta = {
      [AXE_META_KEY]: {
        violations: [{ id: "image-alt", impact: "critical", help: "h", helpUrl: "u", nodes: [] }],
        durationMs: 5,
      },
    }
    expect(readAccessibilityReport(meta)).toEqual({
      violations: [{ id: "image-alt", impact: "critical", help: "h", helpUrl: "u", nodes: [], moreNodes: 0 }],
      elements: 0,
      durationMs: 5,
    })
  })

  it("treats the meta as untrusted: a missing or malformed report is an error, never a pass", () => {
    expect(readAccessibilityReport(undefined)).toEqual({ error: expect.stringMatching(/did not report/) })
    expect(readAccessibilityReport({})).toEqual({ error: expect.stringMatching(/did not report/) })
    expect(readAccessibilityReport({ [AXE_META_KEY]: { violations: "none", durationMs: 1 } })).toEqual({
      error: "the check's report could not be read",
    })
    expect(
      readAccessibilityReport({
        [AXE_META_KEY]: {
          violations: [{ id: "x", help: "h".repeat(10_000), helpUrl: "", nodes: [] }],
          durationMs: 1,
        },
      }),
    ).toEqual({ error: "the check's report could not be read" })
  })
})

describe("which component and which test file", () => {
  const files = {
    "src/components/Card.tsx":
      'import Logo from "./Logo"\nexport default function Card() { return <Logo /> }\n',
    "src/components/Logo.tsx": "export default function Logo() { return null }\n",
    "src/components/Card.test.tsx": "",
    "src/components/A.test.tsx": "",
  }

  it("checks the component the preview shows (the one no other imports)", () => {
    expect(accessibilityRequestFor(files, { testsAsSpec: false })).toEqual({
      entry: "src/components/Card.tsx",
      memoryRouter: false,
    })
    expect(accessibilityRequestFor({ "src/lib/x.ts": "" }, { testsAsSpec: false })).toBeUndefined()
  })

  it("runs in the worker of the component's own test file, else the first one", () => {
    const root = "/jobs/job-1"
    const tests = ["src/components/A.test.tsx", "src/components/Card.test.tsx"]
    const provided = accessibilityProvided(root, { entry: "src/components/Card.tsx" }, tests, 5_000)
    expect(provided).toEqual({
      testFile: path.join(root, "src/components/Card.test.tsx"),
      entry: path.join(root, "src/components/Card.tsx"),
      memoryRouter: false,
      disabledRules: Object.keys(AXE_DISABLED_RULES),
      timeoutMs: 5_000,
    })
    expect(accessibilityProvided(root, { entry: "src/components/Logo.tsx" }, tests, 5_000)?.testFile).toBe(
      path.join(root, "src/components/A.test.tsx"),
    )
    expect(accessibilityProvided(root, { entry: "src/components/Logo.tsx" }, [], 5_000)).toBeNull()
  })

  it("turns off only rules that need layout or a whole page, each with its reason", () => {
    expect(Object.keys(AXE_DISABLED_RULES)).toEqual(expect.arrayContaining(["color-contrast", "region"]))
    for (const kept of ["image-alt", "button-name", "label", "link-name", "aria-valid-attr"])
      expect(AXE_DISABLED_RULES).not.toHaveProperty(kept)
  })
})
