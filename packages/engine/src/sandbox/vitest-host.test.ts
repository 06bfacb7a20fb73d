import { randomBytes } from "node:crypto"
import { rmSync } from "node:fs"
import path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { LocalSandbox } from "./local-sandbox"

const jobsRoot = path.resolve(
  import.meta.dirname,
  "../../../../.studio",
  `host-test-${randomBytes(6).toString("hex")}`,
)
let sandbox: LocalSandbox | undefined
afterAll(async () => {
  await sandbox?.close()
  rmSync(jobsRoot, { recursive: true, force: true })
})

const listeners = () => ({
  SIGINT: process.listeners("SIGINT"),
  SIGTERM: process.listeners("SIGTERM"),
})

describe("the in-process Vitest host", () => {
  // Vitest's logger exits the process a millisecond after SIGINT or SIGTERM; a server or worker that warmed its
  // sandbox would then skip its grace period, and its running runs would be cut off instead of finished.
  it("leaves SIGINT and SIGTERM to the studio: warming the sandbox adds no listener to them", async () => {
    const before = listeners()
    sandbox = new LocalSandbox({ jobsRoot, warmWorkers: 1 })
    await sandbox.warmUp()
    expect(listeners()).toEqual(before)
  })

  it("gives the job a DOM built from the one-file happy-dom the host bundled", async () => {
    sandbox ??= new LocalSandbox({ jobsRoot, warmWorkers: 1 })
    const result = await sandbox.runTestsInSandbox({
      files: {
        "src/components/Dom.test.tsx": `import { expect, it } from "vitest"
it("dispatches a click through happy-dom's code in the bundle", () => {
  let stack = ""
  document.body.addEventListener("click", () => { stack = String(new Error().stack) })
  document.body.click()
  expect(stack).toContain("/.cache/ai-studio/happy-dom-")
  expect(stack).not.toContain("/happy-dom/lib/")
})
`,
      },
    })
    expect(result.diagnostics).toEqual([])
    expect(result.tests.map((test) => [test.status, test.error ?? ""])).toEqual([["pass", ""]])
  })
})
