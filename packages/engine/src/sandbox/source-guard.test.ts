import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import type { Diagnostic } from "@studio/protocol"
import { afterAll, describe, expect, it } from "vitest"
import { KIT_DIR } from "../toolchain/kit-paths"
import { nodeModulesFolders } from "../toolchain/module-resolver"
import { sourceGuardPlugin } from "./source-guard"

// The guard's hooks called as Vite calls them, on a real job folder.
const scratch = mkdtempSync(path.join(tmpdir(), "studio-guard-"))
const job = path.join(scratch, "job-1")
const canary = path.join(scratch, "canary.json")
const token = "canary-guard-61f0d3a9"
writeFileSync(canary, JSON.stringify({ token }))
mkdirSync(path.join(job, "src", "components"), { recursive: true })
writeFileSync(path.join(job, "src", "components", "Card.tsx"), "export default 1\n")
writeFileSync(path.join(job, "src", "components", "card.css"), ".a { background: url(../../../../x.png); }\n")
symlinkSync(canary, path.join(job, "src", "components", "linked.json"))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const kitSrc = path.join(KIT_DIR, "src")
const refused: Diagnostic[] = []
const guard = sourceGuardPlugin({
  kitSrc,
  nodeModules: nodeModulesFolders(KIT_DIR),
  currentJobRoot: () => job,
  onRefused: (diagnostic) => refused.push(diagnostic),
})

type Hook = (...args: unknown[]) => unknown
const call = (name: "resolveId" | "load" | "transform", ...args: unknown[]) =>
  (guard[name] as Hook).call({ resolve: async (id: string) => ({ id }) }, ...args)

describe("the sandbox's source guard", () => {
  it("maps @/ to the kit or the job, and refuses an alias that climbs out", async () => {
    const importer = path.join(job, "src", "components", "Card.test.tsx")
    expect(await call("resolveId", "@/components/ui/button", importer)).toEqual({
      id: path.join(kitSrc, "components/ui/button"),
    })
    expect(await call("resolveId", "@/components/Card", importer)).toEqual({
      id: path.join(job, "src/components/Card"),
    })
    expect(await call("resolveId", "react", importer)).toBeNull()
    await expect(call("resolveId", "@/lib/../../../../etc/passwd", importer)).rejects.toThrow(
      "Import refused: `..` leads out of the kit's sources.",
    )
  })

  it("loads the job's files, the kit and node_modules, and nothing else", () => {
    expect(call("load", path.join(job, "src/components/Card.tsx"))).toBeNull()
    expect(call("load", path.join(kitSrc, "lib/utils.ts"))).toBeNull()
    expect(call("load", `${path.join(kitSrc, "lib/utils.ts")}?v=1`)).toBeNull()
    expect(() => call("load", canary)).toThrow(
      "the sandbox refused to load canary.json: it is outside the job folder",
    )
    expect(() => call("load", "/etc/passwd?raw")).toThrow(/outside the job folder/)
  })

  it("refuses a job file that is a symlink, wherever it points", () => {
    expect(() => call("load", path.join(job, "src/components/linked.json"))).toThrow(
      "the sandbox refused to load src/components/linked.json: a job file may not be a symbolic link",
    )
  })

  it("refuses a job file's imports before it is transformed, reporting each at its line", () => {
    refused.length = 0
    const code =
      'import { it } from "vitest"\nimport a from "/etc/passwd"\nconst b = require("fs")\nimport fs from "node:fs"\n'
    expect(() => call("transform", code, path.join(job, "src/components/Card.test.tsx"))).toThrow(
      "src/components/Card.test.tsx:2:15: Import refused: an absolute path points outside the job folder.",
    )
    // Node built-ins pass: the worker loads them itself, inside the OS isolation.
    expect(refused.map((diagnostic) => [diagnostic.source, diagnostic.path, diagnostic.line])).toEqual([
      ["vitest", "src/components/Card.test.tsx", 2],
      ["vitest", "src/components/Card.test.tsx", 3],
    ])
    expect(call("transform", "export const kit = 1\n", path.join(kitSrc, "lib/utils.ts"))).toBeNull()
  })

  it("checks a job stylesheet when it is loaded (Vitest replaces its code before transforms)", () => {
    refused.length = 0
    expect(() => call("load", path.join(job, "src/components/card.css"))).toThrow(
      /`\.\.` leads out of the job/,
    )
    expect(refused).toEqual([expect.objectContaining({ path: "src/components/card.css", line: 1 })])
    expect(JSON.stringify(refused).includes(token)).toBe(false)
  })
})
