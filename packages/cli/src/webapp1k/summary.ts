import type { TokenCount } from "@studio/protocol"
import type { WebApp1kResult } from "./results"

/** pass@1 of a set of tasks: one sample per task, before repair (the first execute) and after it (the verdict). */
export interface PassRate {
  tasks: number
  passed: number
  passedBeforeRepair: number
  /** passed / tasks (0 when there are no tasks). */
  pass1: number
  pass1BeforeRepair: number
}

export interface WebApp1kSummary extends PassRate {
  suite: string
  provider: string
  model: string
  /** Tasks that ended on an error (counted as failures). */
  errors: number
  repairs: number
  tokens: TokenCount
  /** The priced tasks' dollars; null when no task's price is known. */
  costUsd: number | null
  /** Tasks whose cost is not known (their model has no price). */
  unpricedTasks: number
  /** Sum of the tasks' own durations (a resumed task counts the time it took then). */
  durationMs: number
  domains: Record<string, PassRate>
  /** Tasks run by this invocation, and tasks taken from the results file. */
  ran: number
  resumed: number
  /** Ctrl-C stopped the run: tasks of the selection were not run. */
  interrupted: boolean
}

/** The summary of every result of the selection, by domain in the order the tasks came. */
export function summarizeResults(
  results: readonly WebApp1kResult[],
  meta: {
    suite: string
    provider: string
    model: string
    ran: number
    resumed: number
    interrupted: boolean
  },
): WebApp1kSummary {
  const byDomain = new Map<string, WebApp1kResult[]>()
  for (const result of results) byDomain.set(result.domain, [...(byDomain.get(result.domain) ?? []), result])
  const priced = results.filter((result) => result.costUsd !== null)
  return {
    suite: meta.suite,
    provider: meta.provider,
    model: meta.model,
    ...passRate(results),
    errors: results.filter((result) => result.error !== undefined).length,
    repairs: sum(results.map((result) => result.repairs)),
    tokens: {
      prompt: sum(results.map((result) => result.tokens.prompt)),
      completion: sum(results.map((result) => result.tokens.completion)),
    },
    // Nano-dollars, as run_finished's costUsd: a sum of many tasks without float noise.
    costUsd:
      priced.length === 0 ? null : Math.round(sum(priced.map((result) => result.costUsd ?? 0)) * 1e9) / 1e9,
    unpricedTasks: results.length - priced.length,
    durationMs: Math.round(sum(results.map((result) => result.durationMs))),
    domains: Object.fromEntries([...byDomain].map(([domain, tasks]) => [domain, passRate(tasks)])),
    ran: meta.ran,
    resumed: meta.resumed,
    interrupted: meta.interrupted,
  }
}

/** The pass@1 table and the totals, as `studio webapp1k` prints them. */
export function formatSummary(summary: WebApp1kSummary): string[] {
  const rows: [string, PassRate][] = [...Object.entries(summary.domains), ["overall", summary]]
  const width = Math.max(...rows.map(([name]) => name.length), "pass@1".length)
  const lines = [`${"pass@1".padEnd(width)}  ${"before repair".padEnd(15)}  after repair`]
  for (const [name, rate] of rows)
    lines.push(
      `${name.padEnd(width)}  ${fraction(rate.passedBeforeRepair, rate.tasks).padEnd(15)}  ${fraction(rate.passed, rate.tasks)}`,
    )
  const { prompt, completion } = summary.tokens
  const cost =
    summary.costUsd === null
      ? "cost unknown (no price for the model: STUDIO_MODEL_PRICES)"
      : `cost ${formatUsd(summary.costUsd)}${summary.unpricedTasks > 0 ? ` (${summary.unpricedTasks} task(s) unpriced)` : ""}`
  lines.push(
    `tokens ${formatCount(prompt + completion)} (prompt ${formatCount(prompt)}, completion ${formatCount(completion)}) · ${cost}`,
    `${summary.tasks} task(s): ${summary.ran} run now, ${summary.resumed} from the results file · ` +
      `${summary.repairs} repair(s) · ${summary.errors} error(s) · ${(summary.durationMs / 1000).toFixed(1)}s of runs`,
  )
  return lines
}

/** "$0.0123": four decimals, as a benchmark's cost per run is often a fraction of a cent. */
export function formatUsd(dollars: number): string {
  return `$${dollars.toFixed(4)}`
}

export function formatCount(count: number): string {
  return count.toLocaleString("en-US")
}

function passRate(results: readonly WebApp1kResult[]): PassRate {
  const tasks = results.length
  const passed = results.filter((result) => result.pass).length
  const passedBeforeRepair = results.filter((result) => result.passBeforeRepair).length
  return {
    tasks,
    passed,
    passedBeforeRepair,
    pass1: ratio(passed, tasks),
    pass1BeforeRepair: ratio(passedBeforeRepair, tasks),
  }
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000
}

/** "2/3 66.7%". */
function fraction(part: number, whole: number): string {
  const percent = whole === 0 ? 0 : (part / whole) * 100
  return `${part}/${whole} ${percent.toFixed(1)}%`
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}
