import { describe, expect, it } from "vitest"
import { sandboxIsolationResponseSchema, sandboxIsolationSchema } from "./sandbox-isolation"

const unshare = {
  level: "namespaces",
  backend: "unshare",
  protectsAgainst: ["the network"],
  doesNotProtectAgainst: ["kernel bugs"],
  warnings: [],
  runsUntrustedCode: true,
  allowUnisolated: false,
}

describe("sandboxIsolationSchema", () => {
  it("reads each backend the server may report, tolerating fields it does not know", () => {
    for (const backend of ["bubblewrap", "unshare", "process"]) {
      expect(sandboxIsolationSchema.parse({ ...unshare, backend, later: 1 })).toMatchObject({ backend })
    }
    expect(sandboxIsolationResponseSchema.parse({ isolation: unshare }).isolation.level).toBe("namespaces")
  })

  it("refuses an unknown backend or level, and a missing field", () => {
    expect(sandboxIsolationSchema.safeParse({ ...unshare, backend: "docker" }).success).toBe(false)
    expect(sandboxIsolationSchema.safeParse({ ...unshare, level: "vm" }).success).toBe(false)
    const { runsUntrustedCode: _dropped, ...missing } = unshare
    expect(sandboxIsolationSchema.safeParse(missing).success).toBe(false)
  })
})
