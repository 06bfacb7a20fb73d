import { describe, it, expect } from "vitest"
import { createEslintPlugin } from "./eslint"

const plugin = createEslintPlugin()

const cleanComponent = `import { useState } from "react"
import { Plus } from "lucide-react"
import { cn } from "@/lib/utils"

export interface CounterProps {
  initial?: number
}

export default function Counter({ initial = 0 }: CounterProps) {
  const [count, setCount] = useState(initial)
  return (
    <button type="button" className={cn("p-2")} onClick={() => setCount((c) => c + 1)}>
      <Plus aria-hidden="true" /> {count}
    </button>
  )
}
`

async function lint(files: Record<string, string>) {
  return plugin.run({ files })
}

describe("eslint plugin", () => {
  it("reports nothing for a clean component", async () => {
    const result = await lint({ "src/components/Counter.tsx": cleanComponent })
    expect(result.diagnostics).toEqual([])
  })

  it("flags a hook called inside a condition as an error", async () => {
    const code = `import { useState } from "react"
export default function Toggle({ on }: { on: boolean }) {
  if (on) {
    const [value] = useState(1)
    return <p>{value}</p>
  }
  return null
}
`
    const { diagnostics } = await lint({ "src/components/Toggle.tsx": code })
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        source: "eslint",
        path: "src/components/Toggle.tsx",
        ruleId: "react-hooks/rules-of-hooks",
        severity: "error",
        line: 4,
        column: 21,
      }),
    )
  })

  it("flags an <img> without alt", async () => {
    const code = `export default function Avatar() {\n  return <img src="/a.png" />\n}\n`
    const { diagnostics } = await lint({ "src/components/Avatar.tsx": code })
    expect(diagnostics).toEqual([
      expect.objectContaining({ ruleId: "jsx-a11y/alt-text", line: 2, column: 10, severity: "error" }),
    ])
  })

  it("flags imports outside the allowed list, even behind an eslint-disable comment", async () => {
    const code = `/* eslint-disable */
import fs from "node:fs"
import axios from "axios"
export default function Leak() {
  return <p>{String(fs) + String(axios)}</p>
}
`
    const { diagnostics } = await lint({ "src/components/Leak.tsx": code })
    const importErrors = diagnostics.filter((diagnostic) => diagnostic.ruleId === "studio/allowed-imports")
    expect(importErrors).toEqual([
      expect.objectContaining({
        line: 2,
        column: 16,
        severity: "error",
        message: expect.stringContaining('"node:fs"'),
      }),
      expect.objectContaining({ line: 3, severity: "error", message: expect.stringContaining('"axios"') }),
    ])
  })

  it("lets tests import vitest and Testing Library but not components", async () => {
    const test = `import { describe, it, expect } from "vitest"
import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import Counter from "./Counter"

describe("Counter", () => {
  it("R1: counts", async () => {
    render(<Counter />)
    await userEvent.click(screen.getByRole("button"))
    expect(screen.getByRole("button")).toHaveTextContent("1")
  })
})
`
    const withTests = await lint({ "src/components/Counter.test.tsx": test })
    expect(withTests.diagnostics).toEqual([])
    const inComponent = await lint({
      "src/components/Bad.tsx": 'import { vi } from "vitest"\nexport const x = vi\n',
    })
    expect(inComponent.diagnostics).toEqual([expect.objectContaining({ ruleId: "studio/allowed-imports" })])
  })

  it("turns a syntax error into an error diagnostic with a 1-based position", async () => {
    const { diagnostics } = await lint({ "src/components/Broken.tsx": "const a = 1\nlet q = ;\n" })
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        line: 2,
        column: 9,
        message: expect.stringContaining("Parsing error"),
      }),
    ])
    expect(diagnostics[0]?.ruleId).toBeUndefined()
  })

  it("skips files that are not scripts", async () => {
    const { diagnostics } = await lint({ "src/styles.css": "this is { not js" })
    expect(diagnostics).toEqual([])
  })
})
