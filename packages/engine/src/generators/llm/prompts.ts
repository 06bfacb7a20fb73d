import { readFileSync } from "node:fs"
import path from "node:path"
import type { Contract, Diagnostic, TestCaseResult } from "@studio/protocol"
import { ENGINE_ROOT } from "../../engine-root"
import type { PreviousVersion, StageInput } from "../types"

export const PROMPTS_DIR = path.join(ENGINE_ROOT, "src", "generators", "llm", "prompts")

const TEMPLATE_NAMES = [
  "system",
  "interpret",
  "scaffold",
  "unit-test",
  "repair",
  "follow-up",
  "edits",
  "retry",
] as const
export type PromptTemplateName = (typeof TEMPLATE_NAMES)[number]
export type PromptTemplates = Record<PromptTemplateName, string>

export interface ChatMessage {
  role: "system" | "user"
  content: string
}

let cachedTemplates: PromptTemplates | undefined

/** The prompt templates, read from disk on first use and kept. */
export function loadPromptTemplates(): PromptTemplates {
  cachedTemplates ??= Object.fromEntries(
    TEMPLATE_NAMES.map((name) => [name, readFileSync(path.join(PROMPTS_DIR, `${name}.md`), "utf8")]),
  ) as PromptTemplates
  return cachedTemplates
}

/** Replaces every `{{name}}` in one pass; a placeholder without a value is a bug, so it throws. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`prompt template needs a value for {{${name}}}`)
    return value
  })
}

/** Renders what a stage hands the generator into the chat messages for the model (system + user). */
export function renderStageMessages(
  input: StageInput,
  options: { retryReason?: string; templates?: PromptTemplates } = {},
): ChatMessage[] {
  const templates = options.templates ?? loadPromptTemplates()
  let user = renderUserPrompt(input, templates).trim()
  if (options.retryReason !== undefined && options.retryReason !== "") {
    user += "\n\n" + fillTemplate(templates.retry, { reason: options.retryReason }).trim()
  }
  return [
    { role: "system", content: templates.system.trim() },
    { role: "user", content: user + "\n" },
  ]
}

function renderUserPrompt(input: StageInput, templates: PromptTemplates): string {
  switch (input.stage) {
    case "interpret":
      return fillTemplate(templates.interpret, {
        prompt: input.prompt,
        previous: renderFollowUp(input.previous, templates),
      })
    case "scaffold":
      return fillTemplate(templates.scaffold, {
        contract: renderContract(input.contract),
        name: input.contract.name,
        componentPath: input.componentPath ?? componentPathOf(input.contract),
        previous: renderFollowUp(input.previous, templates),
        givenTests: renderGivenTests(input.givenTests),
      })
    case "unit_test":
      return fillTemplate(templates["unit-test"], {
        contract: renderContract(input.contract),
        name: input.contract.name,
        componentPath: input.componentPath,
        testPath: input.componentPath.replace(/\.tsx?$/, ".test.tsx"),
        publicInterface: fenced("tsx", undefined, input.publicInterface.trim()),
      })
    case "repair":
      return fillTemplate(templates.repair, {
        attempt: String(input.attempt),
        contract: renderContract(input.contract),
        files: renderFiles(input.files),
        failingTests: renderFailingTests(input.failingTests),
        diagnostics: renderDiagnostics(input.diagnostics),
        edits: templates.edits.trim(),
      })
  }
}

function componentPathOf(contract: Contract): string {
  return `src/components/${contract.name}.tsx`
}

/** Tests as the spec: the tests the component must pass, shown whole; they are read-only. */
function renderGivenTests(givenTests: Record<string, string> | undefined): string {
  if (givenTests === undefined || Object.keys(givenTests).length === 0) return ""
  return (
    "The component must pass these tests, which are the spec. They are read-only: do not write them, and " +
    "make the component's text, roles and requests match what they expect.\n\n" +
    renderFiles(givenTests)
  )
}

function renderContract(contract: Contract): string {
  return "The contract:\n\n" + fenced("json", undefined, JSON.stringify(contract, null, 2))
}

function renderFollowUp(previous: PreviousVersion | undefined, templates: PromptTemplates): string {
  if (previous === undefined) return ""
  const followUp = fillTemplate(templates["follow-up"], {
    previousPrompt: previous.prompt,
    previousContract: fenced("json", undefined, JSON.stringify(previous.contract, null, 2)),
    previousFiles: renderFiles(previous.files),
    edits: templates.edits.trim(),
  })
  // Sits in its own paragraph before what follows it in the template.
  return followUp.trim() + "\n\n"
}

function renderFiles(files: Record<string, string>): string {
  const entries = Object.entries(files).sort(([a], [b]) => a.localeCompare(b))
  if (entries.length === 0) return "(none)"
  return entries.map(([filePath, content]) => fenced(languageOf(filePath), filePath, content)).join("\n\n")
}

function renderFailingTests(tests: TestCaseResult[]): string {
  const failing = tests.filter((test) => test.status === "fail")
  if (failing.length === 0) return "(none)"
  return failing
    .map(
      (test) =>
        `- ${test.fullName ?? test.name}${test.error === undefined ? "" : `\n  ${indent(test.error)}`}`,
    )
    .join("\n")
}

function renderDiagnostics(diagnostics: Diagnostic[]): string {
  if (diagnostics.length === 0) return "(none)"
  return diagnostics
    .map((d) => {
      const where = d.path === "" ? "" : `${d.path}:${d.line}:${d.column} `
      const code = d.code ?? d.ruleId
      return `- ${where}${d.severity} ${d.source}${code === undefined ? "" : ` ${code}`}: ${d.message}`
    })
    .join("\n")
}

/** A fenced block whose fence is longer than any backtick run inside, so file contents cannot close it early. */
function fenced(language: string, filePath: string | undefined, content: string): string {
  const longestRun = Math.max(2, ...(content.match(/`+/g) ?? []).map((run) => run.length))
  const fence = "`".repeat(longestRun + 1)
  const info = filePath === undefined ? language : `${language} file="${filePath}"`
  return `${fence}${info}\n${content.replace(/\n$/, "")}\n${fence}`
}

function languageOf(filePath: string): string {
  return path.extname(filePath).slice(1) || "text"
}

function indent(text: string): string {
  return text.trim().replace(/\n/g, "\n  ")
}
