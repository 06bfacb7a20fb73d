import { afterAll, describe, expect, it } from "vitest"
import { createToolchainRegistry } from "../registry"
import { createThreadedPlugins } from "./threaded-plugins"

const files = {
  "src/components/Broken.tsx": `import { useState } from "react"

export default function Broken({ on }: { on: boolean }) {
  if (on) {
    const [count] = useState(0)
    return <img src="/a.png" />
  }
  const total: number = "many"
  return <p>{total}</p>
}
`,
}

describe("lint and type-check in worker threads", () => {
  const registry = createToolchainRegistry(
    createThreadedPlugins({ typescript: { pinnedModules: [] }, threadPerPlugin: true }),
  )
  afterAll(() => registry.dispose())

  it("report the same kinds of problems as in-process plugins, from their own threads, at the same time", async () => {
    const [lint, types] = await Promise.all([
      registry.runPlugin("eslint", { files }),
      registry.runPlugin("typescript", { files }),
    ])
    expect(lint.diagnostics.map((d) => d.ruleId)).toEqual(
      expect.arrayContaining(["react-hooks/rules-of-hooks", "jsx-a11y/alt-text"]),
    )
    expect(types.diagnostics).toEqual([
      expect.objectContaining({
        source: "typescript",
        path: "src/components/Broken.tsx",
        line: 8,
        column: 9,
        severity: "error",
      }),
    ])
  })

  it("turn a dead thread into a diagnostic rather than a hang or a crash", async () => {
    const plugins = createThreadedPlugins({ warm: false })
    const lone = createToolchainRegistry(plugins)
    await plugins.eslint.dispose?.()
    const result = await lone.runPlugin("eslint", { files })
    expect(result.diagnostics).toEqual([expect.objectContaining({ source: "eslint", severity: "error" })])
  })
})
