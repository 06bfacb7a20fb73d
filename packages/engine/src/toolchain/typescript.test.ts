import { describe, it, expect } from "vitest"
import { createTypeScriptPlugin } from "./typescript"

describe("typescript plugin", () => {
  it("warms up, checks the job and can be disposed", async () => {
    const plugin = createTypeScriptPlugin()
    expect(plugin.manifest.version).toMatch(/^6\./)
    await plugin.warmUp?.()
    const result = await plugin.run({
      files: { "src/components/Box.tsx": "export const n: number = 'one'\n" },
    })
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        source: "typescript",
        path: "src/components/Box.tsx",
        line: 1,
        column: 14,
        code: "TS2322",
      }),
    ])
    expect(result.durationMs).toBeGreaterThan(0)
    await plugin.dispose?.()
  })
})
