import type { Output } from "./cli-context"
import type { RunOutcome } from "@studio/engine"
import { evaluateRequirements, type AgentStage, type StudioEvent } from "@studio/protocol"
import { paint } from "./terminal"

const STAGE_LABELS: Record<AgentStage, string> = {
  interpret: "Reading the request into a contract",
  scaffold: "Writing the component",
  unit_test: "Writing tests for each requirement",
  execute: "Formatting, linting, type-checking and running the tests in the sandbox",
  repair: "Repairing what failed",
  report: "Reporting",
}
const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
const NEXT_STAGE: Partial<Record<AgentStage, AgentStage>> = {
  interpret: "scaffold",
  scaffold: "unit_test",
  unit_test: "execute",
}

/** Human-mode output of `studio generate`: a spinner per stage with its elapsed time, tests as they report. */
export function createProgressPrinter(out: Output) {
  const live = out.isTTY === true
  let stage: AgentStage = "interpret"
  let stageStarted = performance.now()
  let detail = ""
  let frame = 0
  const lines = new Map<string, number>()
  const clear = () => live && out.write("\r\u001b[2K")
  const print = (text: string) => {
    clear()
    out.write(`${text}\n`)
    draw()
  }
  const draw = () => {
    if (!live) return
    const seconds = ((performance.now() - stageStarted) / 1000).toFixed(1)
    out.write(
      `\r\u001b[2K${paint.yellow(FRAMES[frame++ % FRAMES.length] ?? "")} ${STAGE_LABELS[stage]} ${paint.dim(`${seconds}s ${detail}`)}`,
    )
  }
  const timer = live ? setInterval(draw, 80) : undefined
  const begin = (next: AgentStage) => {
    stage = next
    stageStarted = performance.now()
    detail = ""
    if (!live) out.write(`${paint.dim("…")} ${STAGE_LABELS[next]}\n`)
  }

  return {
    handle(event: StudioEvent) {
      switch (event.type) {
        case "run_started":
          print(
            `${paint.bold("AI Studio")} ${paint.dim(
              event.provider === "offline"
                ? `· offline generator (no model: a recipe catalogue) · ${event.model}`
                : `· ${event.provider} · ${event.model}`,
            )}`,
          )
          begin("interpret")
          break
        case "reasoning_step":
          if (event.stage === "repair" && stage !== "repair") begin("repair")
          print(paint.dim(`  · ${event.text}`))
          break
        case "token":
          lines.set(event.path, (lines.get(event.path) ?? 0) + (event.delta.match(/\n/g)?.length ?? 0))
          detail = `${event.path} (${lines.get(event.path)} lines)`
          break
        case "file_closed":
          print(
            `  ${paint.green("+")} ${event.path} ${paint.dim(`${event.content.split("\n").length - 1} lines`)}`,
          )
          break
        case "build_progress":
          if (stage !== "execute") begin("execute")
          detail = `${event.plugin} ${event.status === "start" ? "…" : "done"} (${event.percent}%)`
          break
        case "build_error":
          for (const diagnostic of event.diagnostics.filter((d) => d.severity === "error").slice(0, 5)) {
            print(
              paint.red(
                `  ✗ ${diagnostic.source} ${diagnostic.path}${diagnostic.line ? `:${diagnostic.line}` : ""} ${diagnostic.message}`,
              ),
            )
          }
          break
        case "test_result": {
          const mark =
            event.status === "pass"
              ? paint.green("✓")
              : event.status === "fail"
                ? paint.red("✗")
                : paint.yellow("↓")
          print(`    ${mark} ${event.name} ${paint.dim(`${event.durationMs} ms`)}`)
          if (event.status === "fail" && event.error)
            print(paint.red(`        ${event.error.split("\n")[0] ?? ""}`))
          break
        }
        case "stage_complete": {
          print(
            `${paint.green("✓")} ${event.stage.padEnd(9)} ${paint.dim(`${(event.durationMs / 1000).toFixed(1)}s`)}${event.summary ? ` ${event.summary}` : ""}`,
          )
          const next = NEXT_STAGE[event.stage]
          if (next) begin(next)
          break
        }
        case "error":
          print(paint.red(`  ! ${event.code}: ${event.message}`))
          break
        case "hot_reload":
        case "build_ok":
        case "run_finished":
          break
      }
    },
    wrote(outDir: string, files: string[]) {
      print(
        `\nWrote ${paint.bold(outDir)}: ${files.length} file(s), contract.json, report.json, preview.html`,
      )
    },
    finish(outcome: RunOutcome, events: StudioEvent[]) {
      const finished = events.findLast((event) => event.type === "run_finished")
      clear()
      if (outcome.contract) {
        out.write(`\n${paint.bold("Requirements")}\n`)
        for (const { id, text, met, tests } of evaluateRequirements(
          outcome.contract.requirements,
          outcome.tests,
        )) {
          out.write(
            `  ${met ? paint.green("✓") : paint.red("✗")} ${id} ${text} ${paint.dim(`(${tests.length} test${tests.length === 1 ? "" : "s"})`)}\n`,
          )
        }
      }
      if (finished?.type === "run_finished") {
        const { metrics } = finished
        const total = Object.values(metrics.durations).reduce((sum, value) => sum + (value ?? 0), 0)
        const verdict = {
          proven: paint.green("Proven"),
          failed: paint.red("Failed"),
          unverified: paint.yellow("Not verified"),
        }[finished.verdict]
        out.write(
          `\n${verdict}: ${paint.dim(`${(total / 1000).toFixed(1)}s, ${metrics.tokens.prompt + metrics.tokens.completion} tokens, ${metrics.repairAttempts} repair attempt(s)`)}\n`,
        )
        for (const reason of finished.reasons) out.write(`  ${paint.dim("·")} ${reason}\n`)
      }
    },
    stop() {
      if (timer) clearInterval(timer)
      clear()
    },
  }
}
