import { assertMayRunUntrustedCode, readSandboxPolicy, type IsolationReport } from "@studio/engine"
import { StudioError } from "@studio/protocol"
import { UsageError } from "./usage-error"

/**
 * True (after saying why, with what to install) when `what` may not run here: the sandbox has no namespaces and
 * STUDIO_ALLOW_UNISOLATED=1 is not set. The command then exits 2, like any infrastructure failure.
 */
export function refuseUnisolated(
  command: string,
  isolation: IsolationReport,
  what: string,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  let allowUnisolated: boolean
  try {
    ;({ allowUnisolated } = readSandboxPolicy(env))
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  try {
    assertMayRunUntrustedCode(isolation, allowUnisolated, what)
    return false
  } catch (error) {
    if (!StudioError.isInstance(error)) throw error
    process.stderr.write(`studio ${command}: ${error.message}\n`)
    return true
  }
}
