import { axeManifest } from "../toolchain/axe"
import { isTestFile } from "../toolchain/job-files"
import { isTestsAsSpec, type ToolchainPlugin } from "../toolchain/types"
import { accessibilityRequestFor, accessibilityResultDiagnostics, notCheckedDiagnostic } from "./axe-check"
import type { SandboxBackend } from "./types"

/** The test file of a job that runs only the check: no tests, so it reports none (the check runs in its afterAll). */
export const AXE_CHECK_ONLY_FILE = "src/studio-axe-check.test.tsx"

/**
 * The toolchain's `axe` plugin on its own: a sandbox job of the component's files and an empty test file, in whose
 * worker the check runs. The execute stage uses it only when the tests do not run; otherwise the check rides along
 * in the tests' own job (`SandboxJob.accessibility`), which costs no second worker.
 */
export function createSandboxAxePlugin(sandbox: SandboxBackend): ToolchainPlugin {
  return {
    manifest: axeManifest,
    async run(input) {
      const started = performance.now()
      const testsAsSpec = isTestsAsSpec(input)
      const source = Object.fromEntries(Object.entries(input.files).filter(([file]) => !isTestFile(file)))
      const request = accessibilityRequestFor(source, {
        testsAsSpec,
        ...(input.entry ? { entry: input.entry } : {}),
      })
      if (request === undefined)
        return {
          diagnostics: [notCheckedDiagnostic("", "the job has no component to render")],
          durationMs: performance.now() - started,
        }
      const result = await sandbox.runTestsInSandbox({
        files: { ...source, [AXE_CHECK_ONLY_FILE]: "export {}\n" },
        accessibility: request,
        // Tests as the spec: the check's file stands in for the given tests, so the job keeps that mode's imports.
        ...(testsAsSpec ? { givenTests: [AXE_CHECK_ONLY_FILE] } : {}),
        ...(input.signal ? { signal: input.signal } : {}),
      })
      return {
        diagnostics: [
          ...result.diagnostics,
          ...accessibilityResultDiagnostics(result.accessibility, request.entry),
        ],
        durationMs: performance.now() - started,
      }
    },
  }
}
