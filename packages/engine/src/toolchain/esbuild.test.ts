import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import path from "node:path"
import { Window } from "happy-dom"
import { describe, it, expect, afterAll } from "vitest"
import { createEsbuildPlugin } from "./esbuild"
import { ENGINE_DIR } from "./kit-paths"

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
      'import { Missing } from "./Missing"\n\nexport default function Broken() {\n  return <p>{String(Missing)}</p>\n}\n'
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
    ])
  })

  it("refuses an import the module resolver refuses, at its line, before anything is read", async () => {
    const refused =
      'import { useState } from "react"\nimport fs from "node:fs"\n\nexport default function Refused() {\n  useState()\n  return <p>{String(fs)}</p>\n}\n'
    const result = await plugin.run({ files: { "src/components/Refused.tsx": refused } })
    expect(result.artifacts?.bundle).toBeUndefined()
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        source: "esbuild",
        path: "src/components/Refused.tsx",
        line: 2,
        column: 16,
        severity: "error",
        message: 'Import "node:fs" refused: Node built-ins are not available to generated code.',
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

describe("esbuild plugin: what a resolved import really is", () => {
  // A kit and a package whose names look right but whose files are symlinks to a canary outside them: the import
  // passes every check of its text, and only following the link shows where it lands. Inside the repo, so that
  // React still resolves from its node_modules.
  const repoRoot = path.resolve(ENGINE_DIR, "../..")
  mkdirSync(path.join(repoRoot, ".studio"), { recursive: true })
  const scratch = mkdtempSync(path.join(repoRoot, ".studio", "esbuild-test-"))
  const token = "canary-esbuild-3c9a41d7e0b2"
  const canaryFile = path.join(scratch, "canary.js")
  writeFileSync(canaryFile, `export default ${JSON.stringify(token)}\n`)
  const kitDir = path.join(scratch, "kit")
  mkdirSync(path.join(kitDir, "src", "components", "ui"), { recursive: true })
  writeFileSync(path.join(kitDir, "src", "components", "ui", "badge.tsx"), 'export const Badge = "badge"\n')
  symlinkSync(canaryFile, path.join(kitDir, "src", "components", "ui", "leak.tsx"))
  const clsx = path.join(scratch, "node_modules", "clsx")
  mkdirSync(clsx, { recursive: true })
  writeFileSync(path.join(clsx, "package.json"), JSON.stringify({ name: "clsx", main: "index.js" }))
  symlinkSync(canaryFile, path.join(clsx, "index.js"))
  const isolated = createEsbuildPlugin({ kitDir })
  afterAll(async () => {
    await isolated.dispose?.()
    rmSync(scratch, { recursive: true, force: true })
  })
  const component = (line: string) =>
    `${line}\n\nexport default function Leak() {\n  return <p>{String(leaked)}</p>\n}\n`

  it("builds from a kit file that really is in the kit", async () => {
    const result = await isolated.run({
      files: {
        "src/components/Leak.tsx": component('import { Badge as leaked } from "@/components/ui/badge"'),
      },
    })
    expect(result.diagnostics).toEqual([])
    expect(result.artifacts?.bundle?.includes('"badge"')).toBe(true)
  })

  it("refuses a kit file that is a symlink to somewhere else", async () => {
    const result = await isolated.run({
      files: { "src/components/Leak.tsx": component('import leaked from "@/components/ui/leak"') },
    })
    expect(result.artifacts?.bundle).toBeUndefined()
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        path: "src/components/Leak.tsx",
        line: 1,
        severity: "error",
        message: `Import "@/components/ui/leak" refused: it resolves to a file outside the kit's sources.`,
      }),
    ])
    expect(JSON.stringify(result).includes(token)).toBe(false)
  })

  it("refuses an allowed package whose file lands outside the package's folder", async () => {
    const result = await isolated.run({
      files: { "src/components/Leak.tsx": component('import leaked from "clsx"') },
    })
    expect(result.artifacts?.bundle).toBeUndefined()
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        path: "src/components/Leak.tsx",
        line: 1,
        message: 'Import "clsx" refused: it resolves to a file outside the clsx package.',
      }),
    ])
    expect(JSON.stringify(result).includes(token)).toBe(false)
  })
})
