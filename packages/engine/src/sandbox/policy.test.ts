import { StudioError } from "@studio/protocol"
import { describe, expect, it } from "vitest"
import { BACKEND_PROTECTION } from "./isolation"
import { assertMayRunUntrustedCode, mayRunUntrustedCode, publicIsolation, readSandboxPolicy } from "./policy"
import type { IsolationBackend, IsolationReport } from "./types"

function report(backend: IsolationBackend, warnings: string[] = []): IsolationReport {
  return {
    level: backend === "process" ? "process" : "namespaces",
    backend,
    layers: [],
    warnings,
    bubblewrap: null,
    unshare: null,
    cgroup: null,
    ...BACKEND_PROTECTION[backend],
  }
}

describe("readSandboxPolicy", () => {
  it("reads STUDIO_ALLOW_UNISOLATED as a yes or no, off by default", () => {
    expect(readSandboxPolicy({})).toEqual({ allowUnisolated: false })
    for (const value of ["1", "true", "TRUE", " 1 "])
      expect(readSandboxPolicy({ STUDIO_ALLOW_UNISOLATED: value }).allowUnisolated, value).toBe(true)
    for (const value of ["", "0", "false"])
      expect(readSandboxPolicy({ STUDIO_ALLOW_UNISOLATED: value }).allowUnisolated, value).toBe(false)
    expect(() => readSandboxPolicy({ STUDIO_ALLOW_UNISOLATED: "yes please" })).toThrow(
      /STUDIO_ALLOW_UNISOLATED: must be 1 or 0/,
    )
  })
})

describe("untrusted code at each level", () => {
  it("runs with either namespace backend, and at the process level only when the operator opted in", () => {
    expect(mayRunUntrustedCode(report("bubblewrap"), false)).toBe(true)
    expect(mayRunUntrustedCode(report("unshare"), false)).toBe(true)
    expect(mayRunUntrustedCode(report("process"), false)).toBe(false)
    expect(mayRunUntrustedCode(report("process"), true)).toBe(true)
  })

  it("is refused with sandbox_unavailable, saying what to install and how to opt in", () => {
    expect(() => assertMayRunUntrustedCode(report("unshare"), false, "model-written code")).not.toThrow()
    let thrown: unknown
    try {
      assertMayRunUntrustedCode(report("process"), false, "model-written code")
    } catch (error) {
      thrown = error
    }
    expect(StudioError.isInstance(thrown)).toBe(true)
    const error = thrown as StudioError
    expect(error.code).toBe("sandbox_unavailable")
    expect(error.httpStatus).toBe(503)
    const shown = error.toPublic().message
    expect(shown).toMatch(/model-written code is not run/)
    expect(shown).toMatch(/apt-get install bubblewrap/)
    expect(shown).toMatch(/user namespaces/)
    expect(shown).toMatch(/STUDIO_ALLOW_UNISOLATED=1/)
  })
})

describe("publicIsolation", () => {
  it("says what the backend protects against, without host paths", () => {
    const shown = publicIsolation(
      report("process", [
        "util-linux unshare cannot build the sandbox here: /root/app/node_modules is not readable",
      ]),
      false,
    )
    expect(shown).toMatchObject({
      level: "process",
      backend: "process",
      runsUntrustedCode: false,
      allowUnisolated: false,
    })
    expect(shown.warnings[0]).not.toContain("/root/app")
    expect(shown.doesNotProtectAgainst.join(" ")).toMatch(/network/)
    expect(publicIsolation(report("unshare"), false).protectsAgainst.join(" ")).toMatch(/loopback/)
  })
})
