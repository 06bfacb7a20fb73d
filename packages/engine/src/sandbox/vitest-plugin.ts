import type { Diagnostic } from "@studio/protocol"
import { vitestManifest, type ToolchainPlugin } from "../toolchain"
import type { SandboxBackend } from "./types"

/** The toolchain's `vitest` plugin: the tests in the sandbox, with each failing test as a diagnostic. */
export function createSandboxVitestPlugin(sandbox: SandboxBackend): ToolchainPlugin {
  return {
    manifest: vitestManifest,
    warmUp: () => sandbox.warmUp(),
    async run({ files, givenTests, signal }) {
      const result = await sandbox.runTestsInSandbox({ files, signal, ...(givenTests ? { givenTests } : {}) })
      const failures: Diagnostic[] = result.tests
        .filter((test) => test.status === "fail")
        .map((test) => ({
          source: "vitest",
          path: test.file ?? "",
          line: 0,
          column: 0,
          message: `${test.name}: ${test.error ?? "failed"}`,
          severity: "error",
        }))
      return { diagnostics: [...result.diagnostics, ...failures], durationMs: result.durationMs }
    },
  }
}
