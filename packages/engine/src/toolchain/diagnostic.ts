import { sanitizeMessage } from "@studio/protocol"
import type { Diagnostic } from "./types"

/** A diagnostic about the whole run rather than a place in a file (path "", line and column 0). */
export function runDiagnostic(
  source: string,
  message: string,
  severity: Diagnostic["severity"] = "error",
): Diagnostic {
  return { source, path: "", line: 0, column: 0, message, severity }
}

/** Whether `error` is Node failing to load a module (a package that is not installed, or a broken one). */
export function isModuleNotFoundError(error: unknown): error is Error {
  if (!(error instanceof Error)) return false
  const code = "code" in error ? error.code : undefined
  return code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND"
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError"
}

/** Turns anything a plugin threw into one clear error diagnostic, without stack traces or host paths. */
export function pluginFailureDiagnostic(source: string, error: unknown, packageName: string): Diagnostic {
  if (isModuleNotFoundError(error)) {
    const missing = /Cannot find (?:package|module) '([^']+)'/.exec(error.message)?.[1]
    const what = missing === undefined ? "" : ` (cannot load "${sanitizeMessage(missing)}")`
    return runDiagnostic(
      source,
      `${source} is not available: ${packageName} is not installed or incomplete${what}.`,
    )
  }
  const message = error instanceof Error ? error.message : String(error)
  return runDiagnostic(source, `${source} failed: ${sanitizeMessage(message) || "unknown error"}`)
}
