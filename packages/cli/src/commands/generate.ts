import { mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"
import {
  buildPreviewHtml,
  buildVersionReport,
  createSandboxVitestPlugin,
  createThreadedPlugins,
  createToolchainRegistry,
  LocalSandbox,
  OFFLINE_PROVIDER,
  run,
  type RunOutcome,
} from "@studio/engine"
import type { StudioEvent } from "@studio/protocol"
import { readEnvironment } from "../config"
import { resolveGenerator } from "../resolve-generator"
import { refuseUnisolated } from "../sandbox-policy"
import { UsageError } from "../usage-error"
import { createProgressPrinter } from "../progress-printer"

export const MAX_PROMPT_CHARS = 8_000

export interface GenerateOptions {
  prompt: string
  out?: string
  provider?: string
  model?: string
  maxRepairs?: string
  json: boolean
}

/** `studio generate "<prompt>"`: the whole pipeline, live; writes the files, contract, report and a preview page. */
export async function runGenerate(options: GenerateOptions): Promise<number> {
  const prompt = options.prompt.trim()
  if (prompt === "") throw new UsageError("the prompt is empty")
  if (prompt.length > MAX_PROMPT_CHARS)
    throw new UsageError(`the prompt is ${prompt.length} characters; at most ${MAX_PROMPT_CHARS}`)
  const maxRepairs = options.maxRepairs === undefined ? 2 : Number(options.maxRepairs)
  if (!Number.isInteger(maxRepairs) || maxRepairs < 0 || maxRepairs > 5)
    throw new UsageError("--max-repairs takes a whole number from 0 to 5")
  const generator = await resolveGenerator(
    { provider: options.provider, model: options.model },
    readEnvironment(),
  )

  const sandbox = new LocalSandbox()
  if (
    generator.provider !== OFFLINE_PROVIDER &&
    refuseUnisolated("generate", sandbox.isolation, "model-written code")
  ) {
    await sandbox.close()
    return 2
  }
  const warming = sandbox.warmUp().catch(() => undefined)
  const toolchain = createToolchainRegistry({
    ...createThreadedPlugins(),
    vitest: createSandboxVitestPlugin(sandbox),
  })
  const controller = new AbortController()
  const onInterrupt = () => {
    // The first Ctrl-C cancels the run cleanly; a second one means "now" (130, as a shell reports it).
    if (controller.signal.aborted) process.exit(130)
    controller.abort()
  }
  process.on("SIGINT", onInterrupt)
  const printer = options.json ? undefined : createProgressPrinter(process.stdout)
  const outcome: RunOutcome = { files: {}, tests: [] }
  const events: StudioEvent[] = []
  try {
    for await (const event of run(
      { prompt, maxRepairs },
      { generator, toolchain, sandbox, signal: controller.signal },
      outcome,
    )) {
      events.push(event)
      if (options.json) process.stdout.write(`${JSON.stringify(event)}\n`)
      else printer?.handle(event)
    }
    const finished = events.at(-1)
    // Exit 0 only for what the tests proved: a run with no tests, an untested requirement or a skip is not done.
    const proven = finished?.type === "run_finished" && finished.verdict === "proven"
    if (outcome.contract) {
      const outDir = path.resolve(options.out ?? path.join("studio-out", outcome.contract.name))
      const preview = await buildPreviewHtml(outcome.files, { toolchain, title: outcome.contract.name })
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
    process.off("SIGINT", onInterrupt)
    printer?.stop()
    await warming
    await Promise.allSettled([sandbox.close(), toolchain.dispose()])
  }
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
