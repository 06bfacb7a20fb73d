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
afterAll(() => rmSync(jobsRoot, { recursive: true, force: true }))

const listeners = () => ({
  SIGINT: process.listeners("SIGINT"),
  SIGTERM: process.listeners("SIGTERM"),
})

describe("the in-process Vitest host", () => {
  // Vitest's logger exits the process a millisecond after SIGINT or SIGTERM; a server or worker that warmed its
  // sandbox would then skip its grace period, and its running runs would be cut off instead of finished.
  it("leaves SIGINT and SIGTERM to the studio: warming the sandbox adds no listener to them", async () => {
    const before = listeners()
    const sandbox = new LocalSandbox({ jobsRoot, warmWorkers: 1 })
    try {
      await sandbox.warmUp()
      expect(listeners()).toEqual(before)
    } finally {
      await sandbox.close()
    }
  })
})
