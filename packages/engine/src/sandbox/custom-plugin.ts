import { pluginDiagnosticLineSchema, safeParse, sanitizeMessage, type Diagnostic } from "@studio/protocol"
import { runDiagnostic } from "../toolchain/diagnostic"
import type { CustomPluginDefinition } from "../toolchain/custom-plugins"
import { isSafeJobPath } from "../toolchain/job-files"
import type { PluginResult, ToolchainPlugin } from "../toolchain/types"
import type { SandboxBackend, SandboxCommandResult } from "./types"

/** Diagnostics one run of a custom plugin may report; more are summed up in one warning. */
const MAX_DIAGNOSTICS = 200
const MAX_MESSAGE_CHARS = 1000

/**
 * A custom plugin (STUDIO_PLUGINS_DIR) as a toolchain plugin: its command runs in `sandbox` on the job's files, and
 * what it prints on stdout, one JSON object a line (`{ path, line, column, message, severity }`), becomes its
 * diagnostics. A non-zero exit without any is one error with the end of its stderr; a hang is killed at its limit.
 */
export function createCustomToolchainPlugin(
  definition: CustomPluginDefinition,
  sandbox: SandboxBackend,
): ToolchainPlugin {
  return {
    manifest: definition.manifest,
    async run({ files, signal }): Promise<PluginResult> {
      const name = definition.manifest.name
      if (!sandbox.runCommand)
        return {
          diagnostics: [
            runDiagnostic(
              name,
              `${name} cannot run: the ${sandbox.name} sandbox does not run plugin commands`,
            ),
          ],
          durationMs: 0,
        }
      const result = await sandbox.runCommand({
        files,
        argv: definition.argv,
        pluginDir: definition.dir,
        ...(definition.timeoutMs !== undefined ? { timeoutMs: definition.timeoutMs } : {}),
        ...(signal ? { signal } : {}),
      })
      return { diagnostics: commandDiagnostics(name, result), durationMs: result.durationMs }
    },
  }
}

/** What one run of a plugin's command says: its diagnostic lines, or why it said nothing usable. */
export function commandDiagnostics(name: string, result: SandboxCommandResult): Diagnostic[] {
  const reported: Diagnostic[] = []
  let ignored = 0
  let firstIgnored = ""
  for (const line of result.stdout.split("\n")) {
    const text = line.trim()
    if (text === "") continue
    const diagnostic = parseDiagnosticLine(name, text)
    if (diagnostic) reported.push(diagnostic)
    else if (ignored++ === 0) firstIgnored = text.slice(0, 120)
  }
  const diagnostics = reported.slice(0, MAX_DIAGNOSTICS)
  if (reported.length > MAX_DIAGNOSTICS)
    diagnostics.push(
      runDiagnostic(
        name,
        `${name} reported ${reported.length - MAX_DIAGNOSTICS} more diagnostics (not shown)`,
        "warning",
      ),
    )
  // Plugin authors need to see that a line was dropped; a warning, since it says nothing about the code.
  if (ignored > 0)
    diagnostics.push(
      runDiagnostic(
        name,
        `${name} printed ${ignored} line(s) that are not diagnostics ({ path, line, column, message, severity }), ignored; the first: ${sanitizeMessage(firstIgnored)}`,
        "warning",
      ),
    )
  const stderr = stderrTail(result.stderrTail)
  switch (result.stoppedFor) {
    case "timeout":
      diagnostics.unshift({
        ...runDiagnostic(
          name,
          `${name} was stopped after ${result.timeoutMs / 1000} s (its time limit)${stderr}`,
        ),
        code: "sandbox_timeout",
      })
      return diagnostics
    case "cancelled":
      return [runDiagnostic(name, `${name} was cancelled.`, "info")]
    case "output-limit":
      diagnostics.unshift(runDiagnostic(name, `${name} printed more than the output limit and was killed`))
      return diagnostics
    case "memory-limit":
      diagnostics.unshift(runDiagnostic(name, `${name} hit the memory limit and was killed${stderr}`))
      return diagnostics
    case undefined:
      break
  }
  if (result.exitCode !== 0 && reported.length === 0) {
    const how =
      result.exitCode === null ? `died (${result.signal ?? "killed"})` : `exited with code ${result.exitCode}`
    diagnostics.unshift(runDiagnostic(name, `${name} ${how} without reporting diagnostics${stderr}`))
  }
  return diagnostics
}

function parseDiagnosticLine(name: string, text: string): Diagnostic | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  const parsed = safeParse(pluginDiagnosticLineSchema, value)
  if (!parsed.success) return undefined
  const { path, line, column, message, severity, ruleId } = parsed.data
  const jobPath = path.replace(/^\.\//, "")
  // A path outside the job (a host path, `..`) is not shown: the diagnostic is about the whole job then.
  const where = jobPath === "" || isSafeJobPath(jobPath) ? jobPath : ""
  return {
    source: name,
    path: where,
    line: where ? line : 0,
    column: where ? column : 0,
    message: sanitizeMessage(message).slice(0, MAX_MESSAGE_CHARS),
    severity,
    ...(ruleId ? { ruleId: sanitizeMessage(ruleId) } : {}),
  }
}

/** ": <the last lines of stderr>", sanitized (no stack frames, secrets or host paths), or "". */
function stderrTail(stderr: string): string {
  const tail = sanitizeMessage(stderr.split("\n").slice(-12).join("\n")).slice(-600).trim()
  return tail === "" ? "" : `: ${tail}`
}
