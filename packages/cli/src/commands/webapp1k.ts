import path from "node:path"
import { createEngine, OFFLINE_PROVIDER, readBudgetEnvironment } from "@studio/engine"
import { sanitizeMessage, StudioError } from "@studio/protocol"
import type { CliContext } from "../cli-context"
import { interruptibleRun } from "../interrupt"
import { readEnvironment } from "../config"
import { resolveGenerator } from "../resolve-generator"
import { refuseUnisolated } from "../sandbox-policy"
import { paint } from "../terminal"
import {
  appendResult,
  assertResultsFileWritable,
  findWebApp1kTasks,
  formatCount,
  formatSummary,
  formatUsd,
  isWebApp1kSuite,
  readEarlierResults,
  runWebApp1kTask,
  summarizeResults,
  taskKey,
  WEBAPP1K_SUITES,
  type WebApp1kResult,
  type WebApp1kTask,
} from "../webapp1k"

/** Where results go when --results is not given: the current folder, whatever the output mode. */
export const DEFAULT_RESULTS_FILE = "webapp1k-results.jsonl"
const MAX_CONCURRENCY = 4

export interface WebApp1kOptions {
  dir: string
  suite?: string
  domain?: string
  limit?: string
  concurrency?: string
  maxRepairs?: string
  provider?: string
  model?: string
  json: boolean
  results?: string
}

/**
 * `studio webapp1k DIR`: the tasks of a local WebApp1K checkout through tests as the spec with the configured model,
 * on one engine, pass@1 before and after repair. Each result is appended to the results file as it comes, and a
 * task already there (for this model) is not run again. Exit 0 when every task of the selection has a result, 1
 * when Ctrl-C stopped it first, 2 for bad usage.
 */
export async function runWebApp1k(options: WebApp1kOptions, context: CliContext): Promise<number> {
  const suite = options.suite ?? "tests"
  if (!isWebApp1kSuite(suite))
    throw new StudioError("usage", `--suite takes ${WEBAPP1K_SUITES.join(" or ")}, not ${suite}`)
  const limit = readWholeNumber(options.limit, "--limit", 1, 100_000)
  const concurrency = readWholeNumber(options.concurrency, "--concurrency", 1, MAX_CONCURRENCY) ?? 1
  const maxRepairs = readWholeNumber(options.maxRepairs, "--max-repairs", 0, 5)
  const dir = path.resolve(context.cwd, options.dir)
  const found = findWebApp1kTasks(dir, { suite, ...(options.domain ? { domain: options.domain } : {}) })
  const tasks = limit === undefined ? found : found.slice(0, limit)
  if (tasks.length === 0)
    throw new StudioError("usage", `webapp1k: no task files (*.test.js) in ${path.join(dir, suite, "react")}`)
  const resultsFile = path.resolve(context.cwd, options.results ?? DEFAULT_RESULTS_FILE)
  assertResultsFileWritable(resultsFile)

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
  const earlier = readEarlierResults(resultsFile, generator)
  const note = (text: string) => context.stderr.write(`studio webapp1k: ${text}\n`)
  if (earlier.unreadLines > 0)
    note(`warning: ${earlier.unreadLines} line(s) of ${resultsFile} are not task results; they are ignored`)
  if (earlier.otherModel > 0)
    note(
      `${earlier.otherModel} result(s) in ${resultsFile} are of another model; only ${generator.provider} ${generator.model}'s are reused`,
    )

  // One engine for every task: a shared one (tests) is used with this generator and not closed here.
  const engine = context.engine
    ? context.engine.withGenerator(generator)
    : await createEngine({ generator, sandbox: { warmWorkers: concurrency } })
  try {
    if (
      generator.provider !== OFFLINE_PROVIDER &&
      refuseUnisolated("webapp1k", engine.isolation, "model-written code", context)
    )
      return 2
    for (const warning of generator.warnings) note(`warning: ${warning}`)
    try {
      await engine.warmUp()
    } catch (error) {
      note(
        `the sandbox could not start: ${sanitizeMessage(error instanceof Error ? error.message : String(error))}`,
      )
      return 2
    }
    return await runTasks({
      tasks,
      earlier: earlier.byTask,
      resultsFile,
      suite,
      concurrency,
      options,
      context,
      run: {
        engine,
        maxRepairs,
        bounds,
      },
    })
  } finally {
    await engine.close()
  }
}

interface TasksRun {
  tasks: WebApp1kTask[]
  earlier: Map<string, WebApp1kResult>
  resultsFile: string
  suite: string
  concurrency: number
  options: WebApp1kOptions
  context: CliContext
  run: Omit<Parameters<typeof runWebApp1kTask>[1], "signal">
}

/** The selection's tasks not in the results file, `concurrency` at a time, then the summary of all of them. */
async function runTasks({
  tasks,
  earlier,
  resultsFile,
  suite,
  concurrency,
  options,
  context,
  run,
}: TasksRun) {
  const { provider, model } = run.engine.generator
  const out = (line: string) => context.stdout.write(`${line}\n`)
  const results = new Map<string, WebApp1kResult>()
  const pending: WebApp1kTask[] = []
  for (const task of tasks) {
    const done = earlier.get(taskKey(task))
    if (done) results.set(taskKey(task), done)
    else pending.push(task)
  }
  const resumed = results.size
  if (options.json) for (const result of results.values()) out(JSON.stringify({ ...result, resumed: true }))
  else {
    out(
      `${paint.bold("studio webapp1k")} ${paint.dim(`· ${suite} · ${tasks.length} task(s) · ${provider} · ${model} · results: ${resultsFile}`)}`,
    )
    if (resumed > 0) out(paint.dim(`${resumed} task(s) already in the results file: counted, not run again`))
  }

  const interrupt = interruptibleRun(context)
  let next = 0
  let finished = 0
  const worker = async () => {
    while (!interrupt.signal.aborted) {
      const task = pending[next++]
      if (!task) return
      const result = await runWebApp1kTask(task, { ...run, signal: interrupt.signal })
      if (!result) return
      appendResult(resultsFile, result)
      results.set(taskKey(task), result)
      finished++
      if (options.json) out(JSON.stringify(result))
      else out(formatTaskLine(result, `[${resumed + finished}/${tasks.length}]`))
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, worker))
  } finally {
    interrupt.release()
  }

  const interrupted = results.size < tasks.length
  const ordered = tasks.flatMap((task) => results.get(taskKey(task)) ?? [])
  const summary = summarizeResults(ordered, { suite, provider, model, ran: finished, resumed, interrupted })
  if (options.json) out(JSON.stringify({ summary }))
  else {
    out("")
    for (const line of formatSummary(summary)) out(line)
    if (interrupted)
      out(
        paint.yellow(
          `interrupted: ${tasks.length - results.size} task(s) not run; the same command resumes from ${resultsFile}`,
        ),
      )
  }
  return interrupted ? 1 : 0
}

/** "[2/3] PASS blogging/likePost  first try · 1,100 tokens · $0.0020 · 1.2s". */
function formatTaskLine(result: WebApp1kResult, progress: string): string {
  const name = `${result.domain}/${result.task}`
  const tokens = `${formatCount(result.tokens.prompt + result.tokens.completion)} tokens`
  const cost = result.costUsd === null ? "cost unknown" : formatUsd(result.costUsd)
  const took = `${(result.durationMs / 1000).toFixed(1)}s`
  const repairs = `${result.repairs} repair${result.repairs === 1 ? "" : "s"}`
  if (result.error !== undefined)
    return `${progress} ${paint.red("ERROR")} ${name}  ${result.error} · ${tokens} · ${cost} · ${took}`
  const status = result.pass ? paint.green("PASS ") : paint.red("FAIL ")
  const how = result.passBeforeRepair
    ? "first try"
    : result.pass
      ? `after ${repairs}`
      : `failed after ${repairs}`
  return `${progress} ${status} ${name}  ${how} · ${tokens} · ${cost} · ${took}`
}

/** A whole-number option from `min` to `max`, or undefined when it is not given. */
function readWholeNumber(
  value: string | undefined,
  option: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined
  const count = Number(value)
  if (value.trim() === "" || !Number.isInteger(count) || count < min || count > max)
    throw new StudioError("usage", `${option} takes a whole number from ${min} to ${max}`)
  return count
}
