// Develops offline recipes: runs the real pipeline (offline generator, toolchain, sandbox) on prompts and prints
// what matters when writing a recipe: the choice, the contract, every diagnostic and every test result.
//
//   npx tsx packages/engine/scripts/try-offline.ts "a pricing table with three tiers" ["another prompt" …]
//   npx tsx packages/engine/scripts/try-offline.ts --follow-up "make it blue" "a star rating"
//   npx tsx packages/engine/scripts/try-offline.ts --corpus forms       (checks kind, specifics, zero diagnostics)
//
// Files go to /tmp/offline-try/<Name>/ (with preview.html). Exit code 1 when any run is not clean.
import { mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"
import { buildPreviewHtml, consumeRun, createEngine, type RunOutcome } from "../src"
import { CATALOGUE, createOfflineGenerator, interpret } from "../src/generators/offline"
import type { PreviousVersion } from "../src/generators/types"
import { CORPUS } from "../test/offline-corpus"

const args = process.argv.slice(2)
const followUpIndex = args.indexOf("--follow-up")
const followUp = followUpIndex >= 0 ? args.splice(followUpIndex, 2)[1] : undefined
const corpusIndex = args.indexOf("--corpus")
const corpusName = corpusIndex >= 0 ? args.splice(corpusIndex, 2)[1] : undefined
const prompts = args
const engine = await createEngine({ generator: createOfflineGenerator(), warmPlugins: [] })
await engine.warmUp()
const { toolchain } = engine
let clean = true

async function once(prompt: string, previous?: PreviousVersion): Promise<RunOutcome> {
  console.log(`\n=== ${prompt}${previous ? `  (follow-up on ${previous.contract.name})` : ""}`)
  let ok = false
  let diagnosticCount = 0
  const outcome = await consumeRun(engine.run({ prompt, previous, maxRepairs: 0 }), (event) => {
    if (event.type === "reasoning_step") console.log(`  [${event.stage}] ${event.text}`)
    else if (event.type === "build_ok" || event.type === "build_error") {
      diagnosticCount += event.diagnostics.length
      for (const d of event.diagnostics)
        console.log(
          `  ${d.severity.toUpperCase()} ${event.plugin} ${d.path}:${d.line}:${d.column} ${d.message}`,
        )
    } else if (event.type === "test_result") {
      console.log(
        `  ${event.status === "pass" ? "✓" : "✗"} ${event.name}${event.error ? `\n      ${event.error.split("\n").slice(0, 6).join("\n      ")}` : ""}`,
      )
    } else if (event.type === "error") console.log(`  ERROR ${event.code}: ${event.message}`)
    else if (event.type === "run_finished") {
      ok = event.success
      console.log(`  ${event.success ? "PASS" : "FAIL"} durations ${JSON.stringify(event.metrics.durations)}`)
    }
  })
  if (outcome.contract) {
    const dir = path.join("/tmp/offline-try", outcome.contract.name)
    for (const [file, content] of Object.entries(outcome.files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
      writeFileSync(path.join(dir, file), content)
    }
    writeFileSync(path.join(dir, "contract.json"), JSON.stringify(outcome.contract, null, 2))
    const preview = await buildPreviewHtml(outcome.files, { toolchain, title: outcome.contract.name })
    writeFileSync(path.join(dir, "preview.html"), preview.html)
    console.log(`  contract: ${outcome.contract.requirements.map((r) => `${r.id} ${r.text}`).join(" | ")}`)
    console.log(`  files: ${dir}`)
  }
  if (!ok || diagnosticCount > 0) clean = false
  return outcome
}

function check(label: string, outcome: RunOutcome, expected: readonly string[]): void {
  const text = JSON.stringify(outcome.contract) + Object.values(outcome.files).join("\n")
  const missing = expected.filter((value) => !text.includes(value))
  if (missing.length > 0) {
    clean = false
    console.log(`  MISSING in ${label}: ${missing.map((value) => JSON.stringify(value)).join(", ")}`)
  }
}

async function runCorpus(name: string): Promise<void> {
  const entries = CORPUS[name]
  if (!entries) throw new Error(`no corpus ${name}: ${Object.keys(CORPUS).join(", ")}`)
  for (const entry of entries) {
    const kind = interpret(CATALOGUE, entry.prompt).composition.recipe.kind
    if (kind !== entry.kind) {
      clean = false
      console.log(`\n=== ${entry.prompt}\n  WRONG KIND: chose ${kind}, expected ${entry.kind}`)
    }
    const outcome = await once(entry.prompt)
    check("run", outcome, entry.expect)
    if (entry.followUp && outcome.contract) {
      const next = await once(entry.followUp.prompt, {
        prompt: entry.prompt,
        contract: outcome.contract,
        files: outcome.files,
      })
      check("follow-up", next, entry.followUp.expect)
    }
  }
  console.log(clean ? "\nCORPUS CLEAN" : "\nCORPUS HAS PROBLEMS")
}

async function runPrompts(): Promise<void> {
  for (const prompt of prompts) {
    const outcome = await once(prompt)
    if (followUp && outcome.contract) {
      await once(followUp, { prompt, contract: outcome.contract, files: outcome.files })
    }
  }
}

try {
  await (corpusName ? runCorpus(corpusName) : runPrompts())
} finally {
  await engine.close()
}
// A script's verdict: exit at once, without waiting for the sandbox's last cgroup cleanup in the background.
process.exit(clean ? 0 : 1)
