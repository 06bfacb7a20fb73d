import { readFileSync } from "node:fs"
import path from "node:path"
import { BaseSequencer, type TestSpecification } from "vitest/node"

/** Seconds per test file, keyed `<project>:<path>`, from `npm run test:durations` (test/durations.json). */
export const DURATIONS_FILE = path.resolve(import.meta.dirname, "..", "durations.json")

/**
 * The order `npm test` runs its files in: the longest first, so the last minute is many short files spread over every
 * worker, not one long file with the others idle. A file's length is its duration in this checkout's last run (Vitest's
 * cache), else the committed table (a fresh clone, CI), else unknown: a new file goes first. A project's files stay
 * together, because a worker is only reused for the next file of its own project (the integration project's workers
 * each warm an engine); the projects run in PROJECT_ORDER, the one of many short files last.
 */
const PROJECT_ORDER = ["integration", "web", "kit", "node"]

export class DurationSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const table = readTable()
    const cache = this.ctx.cache
    const root = this.ctx.config.root
    const projectRank = (spec: TestSpecification) => {
      const rank = PROJECT_ORDER.indexOf(spec.project.name)
      return rank === -1 ? PROJECT_ORDER.length : rank
    }
    const seconds = (spec: TestSpecification): number => {
      const key = `${spec.project.name}:${path.relative(root, spec.moduleId)}`
      const cached = cache.getFileTestResults(key)?.duration
      return cached !== undefined ? cached / 1000 : (table[key] ?? Number.POSITIVE_INFINITY)
    }
    return [...files].sort(
      (a, b) =>
        projectRank(a) - projectRank(b) ||
        a.project.name.localeCompare(b.project.name) ||
        seconds(b) - seconds(a) ||
        a.moduleId.localeCompare(b.moduleId),
    )
  }
}

function readTable(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(DURATIONS_FILE, "utf8")) as Record<string, number>
  } catch {
    return {}
  }
}
