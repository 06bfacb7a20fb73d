import { describe, it, expect } from "vitest"
import { createPrettierPlugin, prettierErrorToDiagnostic } from "./prettier"

const plugin = createPrettierPlugin()

describe("prettier plugin", () => {
  it("formats badly formatted ts, tsx and css files and leaves other files alone", async () => {
    const files = {
      "src/components/Counter.tsx":
        "export default function Counter(){return <div className='p-4'   >hi</div>;}",
      "src/lib/math.ts": "export const add=(a:number,b:number)=>a+b;",
      "src/styles.css": ".a{color:red}",
      "README.md": "#   not   touched",
    }
    const result = await plugin.run({ files })
    expect(result.diagnostics).toEqual([])
    expect(result.files?.["src/components/Counter.tsx"]).toBe(
      'export default function Counter() {\n  return <div className="p-4">hi</div>\n}\n',
    )
    expect(result.files?.["src/lib/math.ts"]).toBe("export const add = (a: number, b: number) => a + b\n")
    expect(result.files?.["src/styles.css"]).toBe(".a {\n  color: red;\n}\n")
    expect(result.files?.["README.md"]).toBe("#   not   touched")
    expect(result.durationMs).toBeGreaterThan(0)
  })

  it("reports a syntax error with its line and column and keeps the file unchanged", async () => {
    const broken = "export function Broken() {\n  const x = 1\n  return (<div>{x</div>)\n}\n"
    const result = await plugin.run({
      files: { "src/components/Broken.tsx": broken, "src/ok.ts": "const a  =  1" },
    })
    expect(result.diagnostics).toHaveLength(1)
    const [diagnostic] = result.diagnostics
    expect(diagnostic).toMatchObject({
      source: "prettier",
      path: "src/components/Broken.tsx",
      line: 3,
      severity: "error",
    })
    expect(diagnostic?.column).toBeGreaterThan(0)
    expect(diagnostic?.message).not.toMatch(/\(\d+:\d+\)|\n/)
    expect(result.files?.["src/components/Broken.tsx"]).toBe(broken)
    expect(result.files?.["src/ok.ts"]).toBe("const a = 1\n")
  })

  it("reads a 1-based location from a prettier error", () => {
    const error = Object.assign(new SyntaxError("Type expected. (1:8)\n> 1 | let x: = 3"), {
      loc: { start: { line: 1, column: 8 } },
    })
    expect(prettierErrorToDiagnostic("src/a.ts", error)).toMatchObject({
      line: 1,
      column: 8,
      message: "Type expected.",
    })
    expect(prettierErrorToDiagnostic("src/a.ts", new Error("odd"))).toMatchObject({
      line: 0,
      column: 0,
      message: "odd",
    })
  })

  it("reports its installed version", () => {
    expect(plugin.manifest.version).toMatch(/^3\./)
  })
})
