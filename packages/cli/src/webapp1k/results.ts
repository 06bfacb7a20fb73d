import { appendFileSync, readFileSync, statSync } from "node:fs"
import path from "node:path"
import { z } from "zod"
import { StudioError, tokenCountSchema, safeParse } from "@studio/protocol"
import { taskKey, WEBAPP1K_SUITES } from "./tasks"

/** One task's result: a line of the results file, and of `--json`'s output. */
export const webApp1kResultSchema = z.object({
  task: z.string().min(1),
  domain: z.string().min(1),
  suite: z.enum(WEBAPP1K_SUITES),
  provider: z.string(),
  model: z.string(),
  /** The run's verdict was proven (after repair, when it needed one). */
  pass: z.boolean(),
  /** The first execute, before any repair, was proven. */
  passBeforeRepair: z.boolean(),
  repairs: z.int().nonnegative(),
  tokens: tokenCountSchema,
  /** Dollars, or null when the model's price is not known (STUDIO_MODEL_PRICES). */
  costUsd: z.number().nonnegative().nullable(),
  durationMs: z.number().nonnegative(),
  /** Why the task could not run or ended early (an unreadable file, tests that import no component, ...). */
  error: z.string().optional(),
})
export type WebApp1kResult = z.infer<typeof webApp1kResultSchema>

/** What an earlier results file holds for this model: its results by task key, and what was not reused. */
export interface EarlierResults {
  byTask: Map<string, WebApp1kResult>
  /** Lines that are not a task's result (a line cut off by a crash, say); a summary line is not counted. */
  unreadLines: number
  /** Results of another provider or model: not reused, since pass@1 is a model's. */
  otherModel: number
}

/** The results file's earlier results for `generator` (none when the file does not exist yet). */
export function readEarlierResults(
  file: string,
  generator: { provider: string; model: string },
): EarlierResults {
  const earlier: EarlierResults = { byTask: new Map(), unreadLines: 0, otherModel: 0 }
  let text: string
  try {
    text = readFileSync(file, "utf8")
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return earlier
    throw new StudioError("usage", `webapp1k: cannot read the results file ${file}`)
  }
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue
    const parsed = safeParse(webApp1kResultSchema, parseJsonLine(line))
    if (!parsed.success) {
      if (!isSummaryLine(line)) earlier.unreadLines++
      continue
    }
    const result = parsed.data
    if (result.provider !== generator.provider || result.model !== generator.model) {
      earlier.otherModel++
      continue
    }
    // A task written twice (two runs on one file): the later line stands.
    earlier.byTask.set(taskKey(result), result)
  }
  return earlier
}

/** Checks up front that results can be written where asked: the file's folder exists and it is not a folder. */
export function assertResultsFileWritable(file: string): void {
  const folder = path.dirname(file)
  let folderIsDirectory = false
  try {
    folderIsDirectory = statSync(folder).isDirectory()
  } catch {
    folderIsDirectory = false
  }
  if (!folderIsDirectory) throw new StudioError("usage", `webapp1k: --results: no folder ${folder}`)
  try {
    if (statSync(file).isDirectory())
      throw new StudioError("usage", `webapp1k: --results: ${file} is a folder`)
  } catch (error) {
    if (StudioError.isInstance(error)) throw error
  }
}

/** Appends one result at once, so a crash loses at most the task that was running. */
export function appendResult(file: string, result: WebApp1kResult): void {
  appendFileSync(file, `${JSON.stringify(result)}\n`)
}

function parseJsonLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown
  } catch {
    return undefined
  }
}

function isSummaryLine(line: string): boolean {
  const value = parseJsonLine(line)
  return typeof value === "object" && value !== null && "summary" in value
}
