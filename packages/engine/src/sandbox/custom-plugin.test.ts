import { describe, expect, it } from "vitest"
import { commandDiagnostics } from "./custom-plugin"
import type { SandboxCommandResult } from "./types"

const result = (fields: Partial<SandboxCommandResult>): SandboxCommandResult => ({
  exitCode: 0,
  signal: null,
  stdout: "",
  stderrTail: "",
  timeoutMs: 20_000,
  durationMs: 10,
  isolation: "namespaces+cgroup",
  ...fields,
})
const line = (fields: object) =>
  JSON.stringify({ path: "src/A.tsx", line: 1, column: 2, severity: "warning", message: "m", ...fields })

describe("commandDiagnostics()", () => {
  it("keeps each valid line; reports the lines that are not diagnostics in one warning", () => {
    const stdout = [
      line({}),
      "",
      "progress: 50%",
      line({ severity: "fatal" }),
      line({ path: "./src/B.tsx" }),
    ].join("\n")
    expect(commandDiagnostics("acme", result({ stdout }))).toEqual([
      { source: "acme", path: "src/A.tsx", line: 1, column: 2, severity: "warning", message: "m" },
      { source: "acme", path: "src/B.tsx", line: 1, column: 2, severity: "warning", message: "m" },
      expect.objectContaining({
        severity: "warning",
        path: "",
        message: expect.stringMatching(
          /^acme printed 2 line\(s\) that are not diagnostics .*; the first: progress: 50%$/,
        ),
      }),
    ])
  })

  it("never shows a path outside the job, nor a host path or secret in a message", () => {
    const stdout = [
      line({ path: "/etc/passwd", message: "read /home/operator/.ssh/id_rsa with token=abc123secret" }),
      line({ path: "../up.tsx" }),
    ].join("\n")
    const [outside, up] = commandDiagnostics("acme", result({ stdout }))
    expect(outside).toMatchObject({ path: "", line: 0, column: 0 })
    expect(outside?.message).not.toMatch(/\/home\/operator|abc123secret/)
    expect(up).toMatchObject({ path: "" })
  })

  it("caps what one run reports", () => {
    const stdout = Array.from({ length: 250 }, (_, index) => line({ line: index + 1 })).join("\n")
    const diagnostics = commandDiagnostics("acme", result({ stdout }))
    expect(diagnostics).toHaveLength(201)
    expect(diagnostics.at(-1)?.message).toBe("acme reported 50 more diagnostics (not shown)")
  })

  it("a non-zero exit with diagnostics is those diagnostics; without, one error", () => {
    expect(
      commandDiagnostics("acme", result({ exitCode: 1, stdout: line({ severity: "error" }) })),
    ).toHaveLength(1)
    expect(commandDiagnostics("acme", result({ exitCode: null, signal: "SIGSEGV" }))).toEqual([
      expect.objectContaining({
        severity: "error",
        message: "acme died (SIGSEGV) without reporting diagnostics",
      }),
    ])
    expect(commandDiagnostics("acme", result({ exitCode: 0 }))).toEqual([])
  })

  it("says which limit stopped it; a cancel is no error", () => {
    expect(
      commandDiagnostics("acme", result({ exitCode: null, stoppedFor: "output-limit" }))[0],
    ).toMatchObject({
      severity: "error",
      message: "acme printed more than the output limit and was killed",
    })
    expect(
      commandDiagnostics("acme", result({ exitCode: null, stoppedFor: "memory-limit" }))[0]?.message,
    ).toMatch(/memory limit/)
    expect(commandDiagnostics("acme", result({ exitCode: null, stoppedFor: "cancelled" }))).toEqual([
      expect.objectContaining({ severity: "info", message: "acme was cancelled." }),
    ])
  })
})
