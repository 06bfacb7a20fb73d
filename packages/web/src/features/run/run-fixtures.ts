/**
 * Realistic run event logs for the run and design panels' tests, folded with the same reducer the app uses.
 * Not imported by the app.
 */
import type { Contract, Diagnostic, StudioEvent } from "@studio/protocol"
import { applyRunEvent, createRunView, type RunView } from "../../state/run-view"

type EventFields<E> = E extends StudioEvent ? Omit<E, "runId" | "seq" | "ts"> : never
export type EventInput = EventFields<StudioEvent>

export const FIXTURE_RUN_ID = "run-1"
export const FIXTURE_START = 1_700_000_000_000

export const pricingContract: Contract = {
  name: "PricingTable",
  summary: "Three pricing tiers with a highlighted plan and a monthly/annual toggle.",
  props: [
    {
      name: "title",
      type: "string",
      required: false,
      default: '"Pricing"',
      description: "Heading above the tiers",
    },
    { name: "columns", type: "number", required: false, default: "3", description: "How many tiers per row" },
    {
      name: "showAnnual",
      type: "boolean",
      required: false,
      default: "false",
      description: "Show annual prices",
    },
    {
      name: "highlighted",
      type: '"basic" | "pro" | "team"',
      required: false,
      default: '"pro"',
      description: "The tier drawn as recommended",
    },
    { name: "accent", type: "string", required: false, control: "color", default: '"#3b82f6"' },
    { name: "tiers", type: "Tier[]", required: true, description: "The plans to show" },
    { name: "onSelect", type: "(tier: Tier) => void", required: false, default: "() => {}" },
  ],
  requirements: [
    { id: "R1", text: "Shows three tiers" },
    { id: "R2", text: "Highlights the recommended tier" },
    { id: "R3", text: "Toggles annual prices" },
  ],
}

/** Appends events with increasing seq and ts, like the engine's sequencer. */
export function createEventLog(runId = FIXTURE_RUN_ID, start = FIXTURE_START) {
  const events: StudioEvent[] = []
  let ts = start
  const log = {
    events,
    /** Adds an event `afterMs` after the previous one. */
    add(event: EventInput, afterMs = 100) {
      ts += afterMs
      events.push({ ...event, runId, seq: events.length, ts } as StudioEvent)
      return log
    },
    get ts() {
      return ts
    },
  }
  return log
}

const COMPONENT_PATH = "src/components/PricingTable.tsx"
const TEST_PATH = "src/components/PricingTable.test.tsx"
const COMPONENT = "export default function PricingTable() {\n  return <section>Pricing</section>\n}\n"
const TESTS = 'it("R1: shows three tiers", () => {})\n'

function metrics(repairAttempts: number) {
  return {
    durations: { interpret: 420, scaffold: 900, unit_test: 700, execute: 1300, report: 40 },
    tokens: { prompt: 800, completion: 434 },
    repairAttempts,
  }
}

/** Everything up to and including the tests being written: the run is about to execute. */
export function writtenRunEvents(log = createEventLog(), contract: Contract = pricingContract) {
  return log
    .add(
      {
        type: "run_started",
        prompt: "a pricing table with three tiers",
        provider: "offline",
        model: "recipes-v1",
      },
      0,
    )
    .add({ type: "reasoning_step", stage: "interpret", text: "Reading the prompt as a pricing table." })
    .add(
      {
        type: "stage_complete",
        stage: "interpret",
        durationMs: 420,
        summary: "PricingTable, 3 requirements",
        contract,
      },
      320,
    )
    .add({ type: "token", path: COMPONENT_PATH, delta: COMPONENT.slice(0, 30) })
    .add({ type: "token", path: COMPONENT_PATH, delta: COMPONENT.slice(30) })
    .add({ type: "file_closed", path: COMPONENT_PATH, content: COMPONENT })
    .add({ type: "stage_complete", stage: "scaffold", durationMs: 900, summary: "1 file(s)" }, 700)
    .add({ type: "token", path: TEST_PATH, delta: TESTS })
    .add({ type: "file_closed", path: TEST_PATH, content: TESTS })
    .add({ type: "stage_complete", stage: "unit_test", durationMs: 700, summary: "1 test file(s)" }, 600)
}

/** The build of the execute stage: typescript, then eslint with a warning; typescript fails when given errors. */
export function buildEvents(log: ReturnType<typeof createEventLog>, typescriptErrors: Diagnostic[] = []) {
  return log
    .add({
      type: "build_progress",
      plugin: "typescript",
      status: "start",
      percent: 0,
      message: "Type-checking",
    })
    .add({ type: "build_progress", plugin: "typescript", status: "done", percent: 100 })
    .add({
      type: typescriptErrors.length > 0 ? "build_error" : "build_ok",
      plugin: "typescript",
      diagnostics: typescriptErrors,
    })
    .add({ type: "build_progress", plugin: "eslint", status: "start", percent: 40 })
    .add({ type: "build_ok", plugin: "eslint", diagnostics: [lintWarning] })
}

export const lintWarning: Diagnostic = {
  source: "eslint",
  path: COMPONENT_PATH,
  line: 2,
  column: 3,
  severity: "warning",
  message: "Unexpected console statement.",
  ruleId: "no-console",
}

export const typeError: Diagnostic = {
  source: "typescript",
  path: COMPONENT_PATH,
  line: 4,
  column: 10,
  severity: "error",
  message: "Type 'string' is not assignable to type 'number'.",
  code: "TS2322",
}

/** A run whose tests all pass first time. */
export function passingRunEvents(): StudioEvent[] {
  const log = buildEvents(writtenRunEvents())
  return log
    .add({
      type: "test_result",
      name: "R1: shows three tiers",
      requirementId: "R1",
      status: "pass",
      durationMs: 12,
    })
    .add({
      type: "test_result",
      name: "R2: highlights pro",
      requirementId: "R2",
      status: "pass",
      durationMs: 8,
    })
    .add({ type: "test_result", name: "R3: toggles annual prices", status: "pass", durationMs: 21 })
    .add({ type: "stage_complete", stage: "execute", durationMs: 1300, summary: "3 passed" })
    .add({ type: "reasoning_step", stage: "report", text: "All 3 requirements are met." })
    .add({ type: "stage_complete", stage: "report", durationMs: 40, summary: "3/3 requirements met" })
    .add({
      type: "run_finished",
      verdict: "proven",
      reasons: [],
      success: true,
      versionId: "v1",
      metrics: metrics(0),
    }).events
}

/**
 * The run issue #11 is about: the tests were turned off (plugins without vitest), so no test ran and no requirement
 * is met. It used to end "Passed" beside "0/3 requirements met".
 */
export function unverifiedRunEvents(): StudioEvent[] {
  return buildEvents(writtenRunEvents())
    .add({ type: "stage_complete", stage: "execute", durationMs: 900, summary: "0/0 tests pass" })
    .add({
      type: "stage_complete",
      stage: "report",
      durationMs: 20,
      summary: "0/3 requirements met; 0/0 tests pass. Not verified: tests were turned off.",
    })
    .add({
      type: "run_finished",
      verdict: "unverified",
      reasons: ["tests were turned off"],
      success: false,
      versionId: "v1",
      metrics: metrics(0),
    }).events
}

const R3_FAILURE = "expected 'Monthly' to be 'Annual'\n  at PricingTable.test.tsx:12:5"

/** A run where R3 fails, one repair does not fix it, and the run fails. */
export function failingRunEvents(): StudioEvent[] {
  const log = buildEvents(writtenRunEvents())
  log
    .add({ type: "test_result", name: "R1: shows three tiers", status: "pass", durationMs: 12 })
    .add({ type: "test_result", name: "R2: highlights pro", status: "pass", durationMs: 8 })
    .add({
      type: "test_result",
      name: "R3: toggles annual prices",
      status: "fail",
      durationMs: 30,
      error: R3_FAILURE,
    })
    .add({ type: "stage_complete", stage: "execute", durationMs: 1300, summary: "2 passed, 1 failed" })
    .add({
      type: "reasoning_step",
      stage: "repair",
      text: "Attempt 1 of 2: 1 failing test(s), 0 error(s) to fix.",
    })
    .add({ type: "token", path: COMPONENT_PATH, delta: COMPONENT })
    .add({ type: "file_closed", path: COMPONENT_PATH, content: COMPONENT })
    .add({ type: "stage_complete", stage: "repair", durationMs: 800 })
  buildEvents(log, [typeError])
  return log
    .add({
      type: "test_result",
      name: "R3: toggles annual prices",
      status: "fail",
      durationMs: 28,
      error: R3_FAILURE,
    })
    .add({ type: "stage_complete", stage: "execute", durationMs: 1100, summary: "2 passed, 1 failed" })
    .add({ type: "reasoning_step", stage: "report", text: "2 of 3 requirements are met." })
    .add({ type: "stage_complete", stage: "report", durationMs: 30, summary: "2/3 requirements met" })
    .add({ type: "error", code: "toolchain_failed", message: "TypeScript reported 1 error." })
    .add({
      type: "run_finished",
      verdict: "failed",
      reasons: ['1 test failed: "R3: toggles annual prices"', "type-check reported 1 error"],
      success: false,
      metrics: metrics(1),
    }).events
}

/** A run cancelled while its tests were being written. */
export function cancelledRunEvents(): StudioEvent[] {
  const log = createEventLog()
  log
    .add({ type: "run_started", prompt: "a pricing table", provider: "offline", model: "recipes-v1" }, 0)
    .add({ type: "stage_complete", stage: "interpret", durationMs: 300, contract: pricingContract }, 300)
    .add({ type: "token", path: COMPONENT_PATH, delta: "export" })
    .add({ type: "error", code: "cancelled", message: "The run was cancelled." })
    .add({
      type: "run_finished",
      verdict: "unverified",
      reasons: ["The run was cancelled.", "no tests ran"],
      success: false,
      metrics: metrics(0),
    })
  return log.events
}

/** Folds events into a view the way the store does. */
export function foldEvents(events: StudioEvent[], runId = FIXTURE_RUN_ID): RunView {
  return events.reduce(applyRunEvent, createRunView(runId, "", FIXTURE_START))
}

/** The view after the first `count` events: the run as it looked live at that point. */
export function foldFirst(events: StudioEvent[], count: number, runId = FIXTURE_RUN_ID): RunView {
  return foldEvents(events.slice(0, count), runId)
}

/** The view just before the first event matching `predicate` (a run caught mid-way). */
export function foldBefore(events: StudioEvent[], predicate: (event: StudioEvent) => boolean): RunView {
  const index = events.findIndex(predicate)
  return foldFirst(events, index === -1 ? events.length : index)
}
