import { readdirSync, statSync, type Dirent } from "node:fs"
import path from "node:path"
import { StudioError } from "@studio/protocol"

/** WebApp1K's suites: `tests` (one feature per task) and `duo_tests` (two features per task). */
export const WEBAPP1K_SUITES = ["tests", "duo_tests"] as const
export type WebApp1kSuite = (typeof WEBAPP1K_SUITES)[number]

/** One task of the benchmark: `<suite>/react/<domain>/<task>.test.js`, whose tests import `./<task>`. */
export interface WebApp1kTask {
  suite: WebApp1kSuite
  domain: string
  task: string
  /** The test file's absolute path. */
  file: string
}

const TASK_FILE = /^(.+)\.test\.jsx?$/

/** `suite/domain/task`: a task's key in the results file. */
export function taskKey(task: Pick<WebApp1kTask, "suite" | "domain" | "task">): string {
  return `${task.suite}/${task.domain}/${task.task}`
}

export function isWebApp1kSuite(value: string): value is WebApp1kSuite {
  return (WEBAPP1K_SUITES as readonly string[]).includes(value)
}

/**
 * The tasks of a WebApp1K checkout's suite, by domain then task name; `domain` keeps one domain's. A folder that
 * is not a checkout (no `<suite>/react`) or an unknown domain is a usage error. Each test file is only listed here:
 * one that cannot be read is its task's error when the task runs.
 */
export function findWebApp1kTasks(
  dir: string,
  options: { suite: WebApp1kSuite; domain?: string },
): WebApp1kTask[] {
  const root = path.join(dir, options.suite, "react")
  if (!isDirectory(dir)) throw new StudioError("usage", `webapp1k: cannot read the folder ${dir}`)
  if (!isDirectory(root))
    throw new StudioError(
      "usage",
      `webapp1k: ${dir} has no ${options.suite}/react folder (is it a checkout of WebApp1K?)`,
    )
  const domains = listEntries(root)
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
  if (options.domain !== undefined && !domains.includes(options.domain))
    throw new StudioError(
      "usage",
      `webapp1k: no domain ${options.domain} in ${options.suite}/react (it has ${domains.join(", ") || "none"})`,
    )
  const chosen = options.domain === undefined ? domains : [options.domain]
  return chosen.flatMap((domain) =>
    listEntries(path.join(root, domain))
      // A symbolic link is listed too: if it leads nowhere, that is the task's error, not a silent skip.
      .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && TASK_FILE.test(entry.name))
      .map((entry) => ({
        suite: options.suite,
        domain,
        task: TASK_FILE.exec(entry.name)?.[1] ?? entry.name,
        file: path.join(root, domain, entry.name),
      }))
      .sort((a, b) => compare(a.task, b.task)),
  )
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function isDirectory(target: string): boolean {
  try {
    return statSync(target).isDirectory()
  } catch {
    return false
  }
}

function listEntries(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
  } catch {
    throw new StudioError("usage", `webapp1k: cannot read the folder ${folder}`)
  }
}
