import { Window } from "happy-dom"
import { describe, it, expect, afterAll } from "vitest"
import { createEsbuildPlugin } from "./esbuild"

const plugin = createEsbuildPlugin()
afterAll(() => plugin.dispose?.())

const counter = `import { useState } from "react"
import { Plus } from "lucide-react"
import { cn } from "@/lib/utils"
import { formatCount } from "@/components/format"

export interface CounterProps {
  label?: string
}

export default function Counter({ label = "Clicks" }: CounterProps) {
  const [count, setCount] = useState(0)
  return (
    <button type="button" className={cn("p-2")} onClick={() => setCount((c) => c + 1)}>
      <Plus aria-hidden="true" /> {label}: {formatCount(count)}
    </button>
  )
}
`
const format = `export function formatCount(count: number): string {\n  return \`#\${count}\`\n}\n`

/** Runs a bundle in a happy-dom window and returns the rendered #root. */
async function renderBundle(bundle: string, props?: Record<string, unknown>): Promise<string> {
  const window = new Window({
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  })
  window.document.body.innerHTML = '<div id="root"></div>'
  Object.assign(window, { __STUDIO_PROPS__: props })
  window.eval(bundle)
  await new Promise((resolve) => setTimeout(resolve, 50))
  await window.happyDOM.waitUntilComplete()
  const html = window.document.getElementById("root")?.innerHTML ?? ""
  await window.happyDOM.close()
  return html
}

describe("esbuild plugin", () => {
  it("bundles the component with React, lucide-react and the kit into a script that renders it", async () => {
    const result = await plugin.run({
      files: { "src/components/Counter.tsx": counter, "src/components/format.ts": format },
    })
    expect(result.diagnostics).toEqual([])
    const bundle = result.artifacts?.bundle ?? ""
    // Assert on booleans: a failing toContain would print the whole bundle.
    expect(bundle.startsWith("(()=>{")).toBe(true)
    expect(bundle.includes('Symbol.for("react.transitional.element")')).toBe(true)
    expect(bundle.includes("process.env.NODE_ENV")).toBe(false)
    expect(bundle.length).toBeLessThan(400_000)
    const html = await renderBundle(bundle, { label: "Taps" })
    expect(html).toContain("<button")
    expect(html).toContain("Taps: #0")
    expect(html).toContain("<svg")
  })

  it("rebuilds with other files on the warm context", async () => {
    const result = await plugin.run({
      files: {
        "src/components/Hello.tsx":
          'export default function Hello() {\n  return <p className="text-lg">Hello</p>\n}\n',
      },
    })
    expect(result.diagnostics).toEqual([])
    expect(await renderBundle(result.artifacts?.bundle ?? "")).toBe('<p class="text-lg">Hello</p>')
  })

  it("turns a broken import into a diagnostic on the importing line", async () => {
    const broken =
      'import { Missing } from "./Missing"\nimport fs from "node:fs"\n\nexport default function Broken() {\n  return <p>{String(Missing) + String(fs)}</p>\n}\n'
    const result = await plugin.run({ files: { "src/components/Broken.tsx": broken } })
    expect(result.artifacts?.bundle).toBeUndefined()
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        source: "esbuild",
        path: "src/components/Broken.tsx",
        line: 1,
        column: 25,
        severity: "error",
        message: expect.stringContaining("./Missing"),
      }),
      expect.objectContaining({
        line: 2,
        column: 16,
        message: expect.stringContaining('"node:fs" may not be imported'),
      }),
    ])
  })

  it("reports a syntax error and a missing default export", async () => {
    const syntax = await plugin.run({
      files: { "src/components/Bad.tsx": "export default function Bad( {\n" },
    })
    expect(syntax.diagnostics[0]).toMatchObject({ path: "src/components/Bad.tsx", severity: "error" })
    const noDefault = await plugin.run({
      files: { "src/components/Named.tsx": "export function Named() {\n  return null\n}\n" },
    })
    expect(noDefault.diagnostics).toEqual([
      expect.objectContaining({ severity: "error", message: expect.stringContaining("default") }),
    ])
  })

  it("says when there is nothing to preview", async () => {
    const result = await plugin.run({ files: { "src/lib/x.ts": "export {}\n" } })
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ message: expect.stringContaining("Nothing to preview") }),
    ])
  })

  it("runs concurrent builds one at a time, each with its own files", async () => {
    const make = (text: string) => ({
      [`src/components/${text}.tsx`]: `export default function ${text}() {\n  return <p>${text}</p>\n}\n`,
    })
    const [first, second] = await Promise.all([
      plugin.run({ files: make("First") }),
      plugin.run({ files: make("Second") }),
    ])
    expect(first.artifacts?.bundle?.includes('"First"')).toBe(true)
    expect(first.artifacts?.bundle?.includes('"Second"')).toBe(false)
    expect(second.artifacts?.bundle?.includes('"Second"')).toBe(true)
  })
})

describe("esbuild plugin warm-up", () => {
  it("builds once ahead of the first job", async () => {
    const fresh = createEsbuildPlugin()
    await fresh.warmUp?.()
    const result = await fresh.run({
      files: { "src/components/Hi.tsx": "export default function Hi() {\n  return <p>Hi</p>\n}\n" },
    })
    expect(result.diagnostics).toEqual([])
    await fresh.dispose?.()
  })
})
