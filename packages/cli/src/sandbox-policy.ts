import { assertMayRunUntrustedCode, readSandboxPolicy, type IsolationReport } from "@studio/engine"
import { StudioError } from "@studio/protocol"
import type { CliContext } from "./cli-context"

/**
 * True (after saying why, with what to install) when `what` may not run here: the sandbox has no namespaces and
 * STUDIO_ALLOW_UNISOLATED=1 is not set. The command then exits 2, like any infrastructure failure.
 */
export function refuseUnisolated(
  command: string,
  isolation: IsolationReport,
  what: string,
  context: Pick<CliContext, "env" | "stderr">,
): boolean {
  // A bad STUDIO_ALLOW_UNISOLATED is `config_invalid`: exit 2 with the variable's name (main.ts).
  const { allowUnisolated } = readSandboxPolicy(context.env)
  try {
    assertMayRunUntrustedCode(isolation, allowUnisolated, what)
    return false
  } catch (error) {
    if (!StudioError.isInstance(error)) throw error
    context.stderr.write(`studio ${command}: ${error.message}\n`)
    return true
  }
}
