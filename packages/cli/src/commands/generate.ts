import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import path from "node:path"
import {
  buildPreviewHtml,
  buildVersionReport,
  consumeRun,
  createEngine,
  OFFLINE_PROVIDER,
  readBudgetEnvironment,
  type RunOutcome,
} from "@studio/engine"
import {
  API_LIMITS,
  runRequestSchema,
  StudioError,
  type GivenTestFile,
  type StudioEvent,
} from "@studio/protocol"
import type { CliContext } from "../cli-context"
import { interruptibleRun } from "../interrupt"
import { readEnvironment } from "../config"
import { resolveGenerator } from "../resolve-generator"
import { refuseUnisolated } from "../sandbox-policy"
import { createProgressPrinter } from "../progress-printer"

export interface GenerateOptions {
  prompt: string
  out?: string
  provider?: string
  model?: string
  maxRepairs?: string
  json: boolean
  /** `--tests FILE`: test files that are the spec (tests as the spec). */
  tests?: readonly string[]
}

/** `studio generate "<prompt>"`: the whole pipeline, live; writes the files, contract, report and a preview page. */
export async function runGenerate(options: GenerateOptions, context: CliContext): Promise<number> {
  // The run checks its request itself (the limits live in protocol); checked here first, a mistake is a usage error
  // (exit 2) before anything starts.
  const givenTests = readGivenTestFiles(options.tests ?? [], context.cwd)
  const request = runRequestSchema.safeParse({
    prompt: options.prompt,
    ...(options.maxRepairs === undefined ? {} : { maxRepairs: Number(options.maxRepairs) }),
    ...(givenTests.length > 0 ? { tests: givenTests } : {}),
  })
  if (!request.success) {
    const issue = request.error.issues[0]
    throw new StudioError(
      "usage",
      issue?.path[0] === "maxRepairs"
        ? "--max-repairs takes a whole number from 0 to 5"
        : issue?.path[0] === "tests"
          ? `--tests: ${issue.message}`
          : (issue?.message ?? "the request is not valid"),
    )
  }
  const { prompt, maxRepairs, tests } = request.data
  // STUDIO_MODEL_PRICES and STUDIO_MAX_TOKENS_PER_RUN, checked before anything starts (config_invalid names them).
  const budget = readBudgetEnvironment(context.env)
  const bounds = {
    prices: budget.prices,
    ...(budget.maxTokensPerRun === undefined ? {} : { maxTokens: budget.maxTokensPerRun }),
  }
  const generator = await resolveGenerator(
    { provider: options.provider, model: options.model },
    readEnvironment(context.env),
  )

  // Lint and type-check warm in their thread as it starts; warmUp() starts the sandbox's worker beside them. One run
  // uses one worker at a time: one warm worker, replaced after each use so a repair finds the next one warm.
  // A given engine is shared: the run uses its sandbox and toolchain with this generator, and closing it is a no-op.
  const engine = context.engine
    ? context.engine.withGenerator(generator)
    : await createEngine({ generator, sandbox: { warmWorkers: 1 }, warmPlugins: [] })
  // Refused (or a bad STUDIO_ALLOW_UNISOLATED thrown), the engine is closed: its threads would keep the process up.
  let refused = true
  try {
    refused =
      generator.provider !== OFFLINE_PROVIDER &&
      refuseUnisolated("generate", engine.isolation, "model-written code", context)
  } finally {
    if (refused) await engine.close()
  }
  if (refused) return 2
  // What the model server's check found but does not stop the run (its model list did not answer, and the like).
  for (const warning of generator.warnings) context.stderr.write(`studio generate: warning: ${warning}\n`)
  engine.warmUp().catch(() => undefined)
  const interrupt = interruptibleRun(context)
  const printer = options.json ? undefined : createProgressPrinter(context.stdout)
  const events: StudioEvent[] = []
  try {
    const outcome = await consumeRun(
      engine.run(
        { prompt, maxRepairs, ...bounds, ...(tests ? { tests } : {}) },
        { signal: interrupt.signal },
      ),
      (event) => {
        events.push(event)
        if (options.json) context.stdout.write(`${JSON.stringify(event)}\n`)
        else printer?.handle(event)
      },
    )
    const finished = events.at(-1)
    // Exit 0 only for what the tests proved: a run with no tests, an untested requirement or a skip is not done.
    const proven = finished?.type === "run_finished" && finished.verdict === "proven"
    if (outcome.contract) {
      const outDir = path.resolve(context.cwd, options.out ?? path.join("studio-out", outcome.contract.name))
      const preview = await buildPreviewHtml(outcome.files, {
        toolchain: engine.toolchain,
        title: outcome.contract.name,
        // Tests as the spec: the component may use the router, and the preview mounts it in one.
        ...(outcome.givenTests ? { givenTests: outcome.givenTests } : {}),
      })
      writeOutput(outDir, outcome, events, preview.html, {
        prompt,
        provider: generator.provider,
        model: generator.model,
      })
      printer?.wrote(outDir, Object.keys(outcome.files))
    }
    printer?.finish(outcome, events)
    return proven ? 0 : 1
  } finally {
    interrupt.release()
    printer?.stop()
    await engine.close()
  }
}

/** The `--tests` files as the run takes them: named by their file name; unreadable or oversized ones are usage errors. */
function readGivenTestFiles(files: readonly string[], cwd: string): GivenTestFile[] {
  return files.map((file) => {
    const resolved = path.resolve(cwd, file)
    let size: number
    try {
      size = statSync(resolved).size
    } catch {
      throw new StudioError("usage", `--tests: cannot read ${file}`)
    }
    // Characters are at most bytes, so a file this much larger cannot fit; it is not read at all.
    if (size > API_LIMITS.testFileChars * 4)
      throw new StudioError(
        "usage",
        `--tests: ${file} is too large (a test file may have at most ${API_LIMITS.testFileChars} characters)`,
      )
    try {
      return { name: path.basename(resolved), content: readFileSync(resolved, "utf8") }
    } catch {
      throw new StudioError("usage", `--tests: cannot read ${file}`)
    }
  })
}

function writeOutput(
  outDir: string,
  outcome: RunOutcome,
  events: StudioEvent[],
  previewHtml: string,
  meta: { prompt: string; provider: string; model: string },
): void {
  mkdirSync(outDir, { recursive: true })
  for (const [file, content] of Object.entries(outcome.files)) {
    // Paths were validated by the parser (relative, under src/, allowed extensions); resolve and check once more.
    const target = path.resolve(outDir, file)
    if (!target.startsWith(outDir + path.sep)) continue
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, content)
  }
  writeFileSync(path.join(outDir, "contract.json"), `${JSON.stringify(outcome.contract, null, 2)}\n`)
  writeFileSync(
    path.join(outDir, "report.json"),
    `${JSON.stringify(buildReport(outcome, events, meta), null, 2)}\n`,
  )
  writeFileSync(path.join(outDir, "preview.html"), previewHtml)
}

/** report.json: the version report of the protocol, with the run id, prompt and component name. */
export function buildReport(
  outcome: RunOutcome,
  events: StudioEvent[],
  meta: { prompt: string; provider: string; model: string },
) {
  return {
    runId: events[0]?.runId,
    prompt: meta.prompt,
    component: outcome.contract?.name,
    ...buildVersionReport(outcome, events, meta),
  }
}
