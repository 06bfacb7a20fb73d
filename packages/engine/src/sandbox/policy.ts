import { parseOrThrow, sanitizeMessage, StudioError, type SandboxIsolation } from "@studio/protocol"
import { z } from "zod"
import type { IsolationReport } from "./types"

/** `STUDIO_ALLOW_UNISOLATED`: 1 or true runs untrusted code even without namespaces; unset, 0 or false refuses it. */
export const allowUnisolatedSchema = z
  .enum(["", "0", "1", "false", "true"], { error: "must be 1 or 0 (true or false)" })
  .optional()
  .transform((value) => value === "1" || value === "true")

/** The operator's sandbox settings from the environment; a bad value is `config_invalid` naming the variable. */
export function readSandboxPolicy(env: NodeJS.ProcessEnv = process.env): { allowUnisolated: boolean } {
  const allowUnisolated = parseOrThrow(
    allowUnisolatedSchema,
    env.STUDIO_ALLOW_UNISOLATED?.trim().toLowerCase(),
    {
      code: "config_invalid",
      subject: "invalid environment: STUDIO_ALLOW_UNISOLATED",
    },
  )
  return { allowUnisolated }
}

/**
 * Whether code the offline generator did not write (model output, a person's edits, a folder given to `studio
 * exec`) may run here: always with namespaces; at the `process` level only when the operator opted in.
 */
export function mayRunUntrustedCode(isolation: IsolationReport, allowUnisolated: boolean): boolean {
  return isolation.backend !== "process" || allowUnisolated
}

/**
 * Throws `sandbox_unavailable` when `what` (e.g. "model-written code") may not run here, with what to install.
 * The offline generator's own components are not untrusted and never come here.
 */
export function assertMayRunUntrustedCode(
  isolation: IsolationReport,
  allowUnisolated: boolean,
  what: string,
): void {
  if (mayRunUntrustedCode(isolation, allowUnisolated)) return
  throw new StudioError(
    "sandbox_unavailable",
    `This machine gives the test sandbox no namespaces, so ${what} is not run: it could read the server's files and reach its network. ` +
      "Install bubblewrap (Debian/Ubuntu: sudo apt-get install bubblewrap), or allow unprivileged user namespaces so that util-linux unshare works " +
      "(sysctl kernel.unprivileged_userns_clone=1 and user.max_user_namespaces above 0; on macOS or in a locked-down container, use a Linux VM or a container that allows them), then restart the studio. " +
      "To run it anyway, without isolation, the operator sets STUDIO_ALLOW_UNISOLATED=1. The offline generator's own components still run.",
    { details: { level: isolation.level, backend: isolation.backend } },
  )
}

/** The isolation report as the studio's web app and /readyz see it: no host paths. */
export function publicIsolation(isolation: IsolationReport, allowUnisolated: boolean): SandboxIsolation {
  return {
    level: isolation.level,
    backend: isolation.backend,
    protectsAgainst: isolation.protectsAgainst,
    doesNotProtectAgainst: isolation.doesNotProtectAgainst,
    warnings: isolation.warnings.map((warning) => sanitizeMessage(warning)),
    runsUntrustedCode: mayRunUntrustedCode(isolation, allowUnisolated),
    allowUnisolated,
  }
}
