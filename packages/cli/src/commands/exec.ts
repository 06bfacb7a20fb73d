import { sanitizeMessage, type Diagnostic, type ExecResult } from "@studio/protocol"
import { createEngine, type Engine, type ExecuteResult } from "@studio/engine"
import path from "node:path"
import type { CliContext, Output } from "../cli-context"
import { chooseCustomPlugins, loadConfiguredPlugins } from "../custom-plugins"
import { readProjectContract, readProjectFiles } from "../read-project"
import { refuseUnisolated } from "../sandbox-policy"
import { paint } from "../terminal"

/**
 * `studio exec DIR`: lint, type-check, the chosen custom plugins (`--plugin`, from STUDIO_PLUGINS_DIR) and the tests
 * in the sandbox; prints a summary or one JSON line. Exits 0 only when the verdict is proven (with
 * DIR/contract.json, every requirement needs a traced test).
 */
export async function runExec(
  dir: string,
  options: { json: boolean; plugins?: readonly string[] },
  context: CliContext,
): Promise<number> {
  const folder = path.resolve(context.cwd, dir)
  const files = readProjectFiles(folder)
  const contract = readProjectContract(folder)
  const customPlugins = await loadConfiguredPlugins(context)
  const custom = chooseCustomPlugins(options.plugins ?? [], customPlugins)
  const owned = !context.engine
  const engine =
    context.engine ??
    (await createEngine({
      // One project, then exit: no replacement workers, and each worker loads only what its tests import.
      sandbox: { warmWorkers: 1, preloadModules: false, replaceWorkers: false },
      // Lint and type-check load and run in a thread each, beside the sandbox; nothing is pre-warmed or pinned,
      // since this process checks one project and exits.
      toolchain: { typescript: { pinnedModules: [] }, warm: false, threadPerPlugin: true },
      warmPlugins: [],
      customPlugins,
    }))
  const release = () => (owned ? engine.close() : Promise.resolve())
  // A folder's code is not the offline generator's: without namespaces it runs only when the operator opts in.
  // Refused (or a bad STUDIO_ALLOW_UNISOLATED thrown), the engine is closed: its threads would keep the process up.
  let refused = true
  try {
    refused = refuseUnisolated("exec", engine.isolation, `the code in ${dir}`, context)
  } finally {
    if (refused) await release()
  }
  if (refused) return 2
  // The worker starts warming in its own process now, while the threads load lint and tsc.
  engine.warmUp().catch(() => undefined)
  if (!options.json) announceIsolation(engine, context.stderr)
  let result: ExecuteResult
  try {
    result = await engine.execute(files, {
      // axe: the accessibility check, in the tests' own sandbox job.
      plugins: ["eslint", "typescript", "vitest", "axe", ...custom],
      ...(contract ? { requirements: contract.requirements } : {}),
    })
  } catch (error) {
    context.stderr.write(
      `studio exec: the run failed: ${sanitizeMessage(error instanceof Error ? error.message : String(error))}\n`,
    )
    return 2
  } finally {
    await release()
  }
  const summary: ExecResult = {
    ok: result.ok,
    tests: result.tests,
    diagnostics: result.diagnostics,
    durationMs: result.durationMs,
    ...(result.isolation ? { isolation: result.isolation } : {}),
    verdict: result.verdict,
    reasons: result.reasons,
  }
  if (options.json) context.stdout.write(`${JSON.stringify(summary)}\n`)
  else printSummary(dir, result, custom, context.stdout)
  return result.verdict === "proven" ? 0 : 1
}

function announceIsolation(engine: Engine, stderr: Output): void {
  const { level, warnings } = engine.isolation
  if (warnings.length === 0) return
  stderr.write(paint.yellow(`warning: the sandbox runs with reduced isolation (${level}):\n`))
  for (const warning of warnings) stderr.write(paint.yellow(`  - ${warning}\n`))
}

function printSummary(dir: string, result: ExecuteResult, custom: readonly string[], stdout: Output): void {
  const out = (line = "") => stdout.write(`${line}\n`)
  out(paint.bold(`studio exec ${dir}`) + paint.dim(`  (sandbox: ${result.isolation ?? "none"})`))
  const steps = ["eslint", "typescript", "axe", ...custom]
  for (const step of steps) {
    // A step that did not run (refused imports stop the run before it) is not "no problems".
    if (result.timings[step] === undefined) continue
    const found = result.diagnostics.filter((diagnostic) => diagnostic.source === step)
    const errors = found.filter((diagnostic) => diagnostic.severity === "error").length
    const mark = errors > 0 ? paint.red("✗") : paint.green("✓")
    const label =
      found.length === 0 ? "no problems" : `${errors} error(s), ${found.length - errors} warning(s)`
    out(`  ${mark} ${step.padEnd(11)} ${label.padEnd(28)} ${paint.dim(`${result.timings[step] ?? 0} ms`)}`)
    for (const diagnostic of found) out(`      ${formatDiagnostic(diagnostic)}`)
  }
  const others = result.diagnostics.filter((diagnostic) => !steps.includes(diagnostic.source))
  for (const diagnostic of others) out(`  ${paint.red("✗")} ${formatDiagnostic(diagnostic)}`)
  out(`  ${paint.bold("tests")} ${paint.dim(`${result.timings.vitest ?? 0} ms`)}`)
  for (const test of result.tests) {
    const mark =
      test.status === "pass" ? paint.green("✓") : test.status === "fail" ? paint.red("✗") : paint.yellow("↓")
    out(`    ${mark} ${test.name} ${paint.dim(`${test.durationMs} ms`)}`)
    if (test.error) for (const line of test.error.split("\n").slice(0, 6)) out(paint.red(`        ${line}`))
  }
  const passed = result.tests.filter((test) => test.status === "pass").length
  const failed = result.tests.filter((test) => test.status === "fail").length
  const skipped = result.tests.length - passed - failed
  const verdict = {
    proven: paint.green("proven"),
    failed: paint.red("failed"),
    unverified: paint.yellow("not verified"),
  }[result.verdict]
  out()
  out(
    `${verdict}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}` +
      paint.dim(` in ${result.durationMs} ms`),
  )
  for (const reason of result.reasons) out(`  ${paint.dim("·")} ${reason}`)
}

function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.path
    ? `${diagnostic.path}${diagnostic.line ? `:${diagnostic.line}:${diagnostic.column}` : ""} `
    : ""
  const colour = diagnostic.severity === "error" ? paint.red : paint.yellow
  return `${paint.dim(where)}${colour(diagnostic.message)}${diagnostic.ruleId ? paint.dim(` (${diagnostic.ruleId})`) : ""}`
}
