import { z } from "zod"

/** How strongly generated code is contained, weakest last. */
export const ISOLATION_LEVELS = ["namespaces+cgroup", "namespaces", "process"] as const
export const isolationLevelSchema = z.enum(ISOLATION_LEVELS)
export type IsolationLevelName = z.infer<typeof isolationLevelSchema>

/** What contains it, in the order the server tries them: bubblewrap, util-linux unshare, a plain process. */
export const ISOLATION_BACKENDS = ["bubblewrap", "unshare", "process"] as const
export const isolationBackendSchema = z.enum(ISOLATION_BACKENDS)
export type IsolationBackendName = z.infer<typeof isolationBackendSchema>

/** `GET /api/sandbox`: the isolation generated tests run with on this server, and what it means. */
export const sandboxIsolationSchema = z.object({
  level: isolationLevelSchema,
  backend: isolationBackendSchema,
  /** What the backend keeps generated code from doing, one line each. */
  protectsAgainst: z.array(z.string()),
  /** What it does not stop, one line each. */
  doesNotProtectAgainst: z.array(z.string()),
  /** What is missing on this machine (no host paths). */
  warnings: z.array(z.string()),
  /**
   * Whether the server runs code its offline generator did not write (model output, edited code): false at the
   * `process` level unless the operator set STUDIO_ALLOW_UNISOLATED=1.
   */
  runsUntrustedCode: z.boolean(),
  /** The operator set STUDIO_ALLOW_UNISOLATED=1 (it matters at the `process` level only). */
  allowUnisolated: z.boolean(),
})
export type SandboxIsolation = z.infer<typeof sandboxIsolationSchema>

export const sandboxIsolationResponseSchema = z.object({ isolation: sandboxIsolationSchema })
export type SandboxIsolationResponse = z.infer<typeof sandboxIsolationResponseSchema>
