import { mkdtemp } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { describe, it, expect } from "vitest"
import { createTailwindPlugin } from "./tailwind"

const plugin = createTailwindPlugin()

describe("tailwind plugin", () => {
  it("compiles the utilities the job uses and leaves out the ones it does not", async () => {
    const result = await plugin.run({
      files: {
        "src/components/Alert.tsx":
          'export default function Alert() {\n  return <div className="bg-red-500 p-4 hover:underline">!</div>\n}\n',
      },
    })
    const css = result.artifacts?.css ?? ""
    expect(result.diagnostics).toEqual([])
    expect(css).toContain(".bg-red-500")
    expect(css).toContain(".p-4")
    expect(css).toContain(".hover\\:underline")
    expect(css).not.toContain(".bg-lime-700")
  })

  it("includes the classes of the kit components the job imports, and only those", async () => {
    const result = await plugin.run({
      files: {
        "src/components/Save.tsx":
          'import { Button } from "@/components/ui/button"\nexport default function Save() {\n  return <Button>Save</Button>\n}\n',
      },
    })
    const css = result.artifacts?.css ?? ""
    expect(css).toContain(".inline-flex")
    expect(css).toContain(".bg-primary")
  })

  it("does not keep candidates from one build in the next", async () => {
    await plugin.run({ files: { "src/a.tsx": '<p className="text-fuchsia-600" />' } })
    const second = await plugin.run({ files: { "src/b.tsx": '<p className="text-teal-600" />' } })
    expect(second.artifacts?.css).toContain(".text-teal-600")
    expect(second.artifacts?.css).not.toContain(".text-fuchsia-600")
  })

  it("falls back to plain Tailwind when the kit has no stylesheet", async () => {
    const emptyKit = await mkdtemp(path.join(tmpdir(), "studio-empty-kit-"))
    const result = await createTailwindPlugin({ kitDir: emptyKit }).run({
      files: { "src/a.tsx": '<p className="mt-2" />' },
    })
    expect(result.artifacts?.css).toContain(".mt-2")
  })
})
