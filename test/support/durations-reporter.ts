import { existsSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import type { Reporter, TestModule } from "vitest/node"
import { DURATIONS_FILE } from "./duration-sequencer"

/**
 * Writes each file's wall time in this run into test/durations.json, which orders a fresh clone's run
 * (DurationSequencer). Files this run did not measure keep their old figure; files that are gone are dropped.
 */
export default class DurationsReporter implements Reporter {
  private readonly started = new Map<string, number>()
  private readonly seconds: Record<string, number> = {}

  onTestModuleStart(module: TestModule): void {
    this.started.set(module.moduleId, performance.now())
  }

  onTestModuleEnd(module: TestModule): void {
    const started = this.started.get(module.moduleId)
    if (started === undefined) return
    const key = `${module.project.name}:${path.relative(process.cwd(), module.moduleId)}`
    this.seconds[key] = Math.round((performance.now() - started) / 100) / 10
  }

  onTestRunEnd(): void {
    const old = existsSync(DURATIONS_FILE)
      ? (JSON.parse(readFileSync(DURATIONS_FILE, "utf8")) as Record<string, number>)
      : {}
    const merged = Object.entries({ ...old, ...this.seconds }).filter(([key]) =>
      existsSync(key.slice(key.indexOf(":") + 1)),
    )
    const sorted = Object.fromEntries(merged.sort(([a], [b]) => a.localeCompare(b)))
    writeFileSync(DURATIONS_FILE, `${JSON.stringify(sorted, null, 2)}\n`)
  }
}
