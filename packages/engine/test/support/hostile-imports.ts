// A corpus of hostile imports: every way a generated file can ask a host tool to read a file for it. Each case is a
// small job whose hostile line names a canary (real files outside any job, whose content is a unique token) or a
// system file; the preview, the execute stage, the sandbox, the export and the Tailwind scan must each refuse it at
// its file and line and let no byte of the canary through. Shared by the engine's and the server's tests.
import { randomBytes } from "node:crypto"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"

export interface Canary {
  /** In every planted file; it must appear in no answer, diagnostic, bundle, stylesheet, zip or event. */
  token: string
  /** A JSON file outside any job, `{ "token": … }`. */
  jsonFile: string
  /** A copy of a server's `.studio/jwt-secret`: no extension, the token as its whole content. */
  secretFile: string
  remove(): void
}

/** Plants the canary files in a fresh temporary folder. */
export function plantCanary(): Canary {
  const token = `canary-${randomBytes(16).toString("hex")}`
  const dir = mkdtempSync(path.join(tmpdir(), "studio-canary-"))
  const jsonFile = path.join(dir, "secrets.json")
  const secretFile = path.join(dir, ".studio", "jwt-secret")
  mkdirSync(path.dirname(secretFile), { recursive: true })
  writeFileSync(jsonFile, JSON.stringify({ token }))
  writeFileSync(secretFile, token)
  return { token, jsonFile, secretFile, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

export interface HostileCase {
  name: string
  /** The whole job. */
  files: Record<string, string>
  /** Where the refusal must be reported. */
  path: string
  line: number
  /**
   * Whether the sandbox's own guard refuses it. It lets Node built-ins through on purpose: a worker loads them
   * itself, and what they can reach is the OS isolation's to contain (the pre-check refuses them before any run).
   */
  refusedInSandbox: boolean
}

/** More `..` than any folder is deep: climbs to the root from wherever it is joined on. */
const UP = "../".repeat(40)

/**
 * The corpus. `as: "component"` puts the hostile line in src/components/Leak.tsx (what the preview and the export
 * read); `as: "test"` in src/components/Leak.test.tsx, a test the sandbox runs, which asserts the attack worked.
 */
export function hostileCases(
  canary: Canary,
  options: { as: "component" | "test"; numbered?: boolean },
): HostileCase[] {
  return cases(canary, options.as).map((hostile, index) =>
    options.numbered === true ? numbered(hostile, index + 1) : hostile,
  )
}

/** The same case with its files named Leak<n>…, so that many cases fit in one job. */
function numbered(hostile: HostileCase, n: number): HostileCase {
  const rename = (text: string) =>
    text
      .replace(/\bLeak(?=[.\s(])/g, `Leak${n}`)
      .replace(/\bleak\.css\b/g, `leak${n}.css`)
      .replace(/\bx(?=\.ts\b|")/g, `x${n}`)
  return {
    ...hostile,
    files: Object.fromEntries(
      Object.entries(hostile.files).map(([file, content]) => [rename(file), rename(content)]),
    ),
    path: rename(hostile.path),
  }
}

function cases(canary: Canary, as: "component" | "test"): HostileCase[] {
  const options = { as }
  const json = canary.jsonFile.slice(1)
  const secret = canary.secretFile.slice(1)
  const file = options.as === "component" ? "src/components/Leak.tsx" : "src/components/Leak.test.tsx"
  const script = (hostileLine: string, extra: Record<string, string> = {}, refusedInSandbox = true) => ({
    files: { ...extra, [file]: scriptAround(hostileLine, options.as, canary.token) },
    path: file,
    line: 2,
    refusedInSandbox,
  })
  const stylesheet = (css: string, line: number) => ({
    files: {
      "src/components/leak.css": css,
      [file]: scriptAround('import "./leak.css"\nconst leaked = "stylesheet"', options.as, canary.token),
    },
    path: "src/components/leak.css",
    line,
    refusedInSandbox: true,
  })
  return [
    {
      name: "`@/lib/..` out of the kit to a host JSON file",
      ...script(`import leaked from "@/lib/${UP}${json}"`),
    },
    {
      name: "`@/components/ui/..` out of the kit to /etc/passwd",
      ...script(`import leaked from "@/components/ui/../../../../../etc/passwd"`),
    },
    {
      name: 'a file with no extension (a jwt-secret) through `with { type: "text" }`',
      ...script(`import leaked from "@/lib/${UP}${secret}" with { type: "text" }`),
    },
    {
      name: "relative `..` out of the job to /etc/hostname",
      ...script(`import leaked from "../../../../etc/hostname"`),
    },
    {
      name: "relative `..` out of the job to a host JSON file",
      ...script(`import leaked from "${UP}${json}"`),
    },
    { name: "an absolute path: /etc/passwd", ...script(`import leaked from "/etc/passwd"`) },
    { name: "an absolute path to a host JSON file", ...script(`import leaked from "${canary.jsonFile}"`) },
    { name: "a file: URL", ...script(`import leaked from "file://${canary.jsonFile}"`) },
    { name: "a data: URL", ...script(`import leaked from "data:text/javascript,export default 1"`) },
    {
      name: 'import attributes on a job file: `./x with { type: "text" }`',
      ...script(`import leaked from "./x" with { type: "text" }`, {
        "src/components/x.ts": "export default 1\n",
      }),
    },
    { name: "a ?raw query on a package: react?raw", ...script(`import leaked from "react?raw"`) },
    {
      name: "a ?url query on a kit file: @/components/ui/button?url",
      ...script(`import leaked from "@/components/ui/button?url"`),
    },
    { name: 'require("fs")', ...script(`const leaked = require("fs")`) },
    {
      name: "require() of a host JSON file",
      ...script(`const leaked = require(${JSON.stringify(canary.jsonFile)})`),
    },
    {
      name: "a computed import(): import(variable)",
      ...script(`const where = ${JSON.stringify(canary.jsonFile)}; const leaked = () => import(where)`),
    },
    {
      name: "import.meta.glob",
      ...script(`const leaked = import.meta.glob("/tmp/**/*.json", { eager: true, query: "?raw" })`),
    },
    { name: "`..` out of a package: react/../..", ...script(`import leaked from "react/${UP}${json}"`) },
    {
      name: "an import type of a host JSON file",
      ...script(`const leaked = 1 as unknown as typeof import(${JSON.stringify(canary.jsonFile)})`),
    },
    { name: "a Node built-in: node:fs", ...script(`import leaked from "node:fs"`, {}, false) },
    {
      name: 'a stylesheet\'s @import "/etc/passwd"',
      ...stylesheet('@import "/etc/passwd";\n.a { color: red; }\n', 1),
    },
    {
      name: "a stylesheet's url(../../../../etc/passwd)",
      ...stylesheet(".a { color: red; }\n.b { background: url(../../../../etc/passwd); }\n", 2),
    },
    {
      name: "a stylesheet's url() to a host JSON file",
      ...stylesheet(`.a { color: red; }\n.b { background: url(${UP}${json}); }\n`, 2),
    },
    {
      name: "a stylesheet's Tailwind @source",
      ...stylesheet(`.a { color: red; }\n@source "${UP}tmp";\n`, 2),
    },
  ]
}

/** An innocent job the same tools must still build and run: a kit button, a relative job import, lucide-react. */
export function innocentFiles(): Record<string, string> {
  return {
    "src/components/Greeting.tsx": `import { Check } from "lucide-react"
import { Button } from "@/components/ui/button"
import { greet } from "./greet"

export interface GreetingProps {
  name?: string
}

export default function Greeting({ name = "you" }: GreetingProps) {
  return (
    <Button className="gap-2">
      <Check aria-hidden="true" /> {greet(name)}
    </Button>
  )
}
`,
    "src/components/greet.ts":
      "export function greet(name: string): string {\n  return `Hello, ${name}`\n}\n",
    "src/components/Greeting.test.tsx": `import { describe, it, expect } from "vitest"
import { render, screen } from "@testing-library/react"
import Greeting from "./Greeting"

describe("Greeting", () => {
  it("R1: greets by name", () => {
    render(<Greeting name="Ada" />)
    expect(screen.getByRole("button", { name: "Hello, Ada" })).toBeInTheDocument()
  })
})
`,
  }
}

/** Line 1 an innocent import, line 2 the hostile one, then code that uses `leaked` (and, in a test, shows it). */
function scriptAround(hostileLine: string, as: "component" | "test", token: string): string {
  if (hostileLine.includes("\n")) {
    const [first = "", second = ""] = hostileLine.split("\n")
    return scriptAround(`${first}; ${second}`, as, token)
  }
  if (as === "component") {
    return `import { useState } from "react"
${hostileLine}

export default function Leak() {
  const [shown] = useState(() => JSON.stringify(leaked))
  return <pre>{shown}</pre>
}
`
  }
  return `import { it, expect } from "vitest"
${hostileLine}

it("R1: reads the canary", async () => {
  const value: unknown = typeof leaked === "function" ? await (leaked as () => Promise<unknown>)() : leaked
  expect(JSON.stringify(value)).toContain(${JSON.stringify(token)})
})
`
}
