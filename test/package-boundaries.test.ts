import path from "node:path"
import { ESLint } from "eslint"
import { beforeAll, describe, expect, it } from "vitest"

const repoRoot = path.resolve(import.meta.dirname, "..")
const BOUNDARY_RULES = new Set([
  "import-x/no-restricted-paths",
  "import-x/no-relative-packages",
  "no-restricted-imports",
])

let eslint: ESLint

/** The boundary rules' messages for `source` linted as if it were the file `filePath` (repo-relative). */
async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(repoRoot, filePath) })
  return (result?.messages ?? [])
    .filter((message) => message.ruleId !== null && BOUNDARY_RULES.has(message.ruleId))
    .map((message) => `${message.ruleId}: ${message.message}`)
}

// The repo's own eslint.config.js on snippets placed in each package (the files need not exist; their imports do).
describe("the import-boundary lint rules", () => {
  beforeAll(() => {
    eslint = new ESLint({ cwd: repoRoot })
  })

  it.each([
    ["packages/protocol/src/probe.ts", 'import { z } from "zod"\nexport const s = z.string()\n'],
    ["packages/engine/src/probe.ts", 'export { contractSchema } from "@studio/protocol"\n'],
    ["packages/server/src/probe.ts", 'export { createEngine } from "@studio/engine"\n'],
    ["packages/server/src/probe.ts", 'export type { Store } from "./db/store"\n'],
    ["packages/web/src/probe.tsx", 'export { Button } from "@studio/kit/components/ui/button"\n'],
    ["packages/web/src/probe.ts", 'export { API_ROUTES } from "@studio/protocol"\n'],
    ["packages/cli/src/probe.ts", 'export { startServer } from "@studio/server"\n'],
    ["packages/server/test/probe.test.ts", 'export * from "../../engine/test/support/fake-chat-server"\n'],
    ["packages/web/src/probe.test.ts", 'export * from "../../server/test/support/test-server"\n'],
  ])("lets %s import what it may", async (filePath, source) => {
    expect(await boundaryErrors(filePath, source)).toEqual([])
  })

  it.each([
    [
      "packages/protocol/src/probe.ts",
      'export * from "@studio/engine"\n',
      "protocol imports nothing of ours",
    ],
    [
      "packages/kit/src/lib/probe.ts",
      'export * from "@studio/protocol"\n',
      "the kit imports no package of ours",
    ],
    ["packages/engine/src/probe.ts", 'export * from "@studio/server"\n', "the engine never imports server"],
    [
      "packages/engine/src/probe.ts",
      'export * from "../../web/src/main"\n',
      "the engine never imports server",
    ],
    ["packages/web/src/probe.ts", 'export * from "@studio/engine"\n', "web imports only protocol and kit"],
    ["packages/web/src/probe.ts", 'export * from "@studio/server"\n', "web imports only protocol and kit"],
    [
      "packages/web/src/probe.ts",
      'export * from "../../server/test/support/test-server"\n',
      "web imports only protocol and kit",
    ],
    [
      "packages/server/src/probe.ts",
      'export * from "../../engine/src/pipeline/run"\n',
      "server uses engine only through its index",
    ],
    [
      "packages/server/src/probe.ts",
      'export * from "@studio/engine/src/pipeline/run"\n',
      "through its index",
    ],
    [
      "packages/server/src/probe.ts",
      'export * from "../../engine/test/support/fake-chat-server"\n',
      "server uses engine only through its index",
    ],
    [
      "packages/cli/src/probe.ts",
      'export * from "../../server/src/app"\n',
      "cli uses server only through its index",
    ],
  ])("stops %s importing %j", async (filePath, source, reason) => {
    const errors = await boundaryErrors(filePath, source)
    expect(errors.some((error) => error.includes(reason))).toBe(true)
  })
})
