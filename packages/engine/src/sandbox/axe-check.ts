import path from "node:path"
import { sanitizeMessage, type Diagnostic, type DiagnosticSeverity } from "@studio/protocol"
import { z } from "zod"
import { ENGINE_ROOT } from "../engine-root"
import { findPreviewEntry, previewNeedsMemoryRouter } from "../toolchain/preview-entry"

/**
 * The accessibility check (toolchain plugin `axe`): axe-core run against the rendered component inside the tests'
 * own sandbox worker. The host names the component in Vitest's provided context; the setup file
 * (axe-check-setup.ts) renders it after that file's tests, runs axe and leaves the report in the test file's task
 * meta, which reaches the host with the file's result (never as a test case).
 */

/** What a job asks of the check: the component to render, as the preview renders it. */
export interface AccessibilityCheckRequest {
  /** Job path of the component whose default export is rendered with its own default props. */
  entry: string
  /** Mount it inside react-router-dom's MemoryRouter (tests as the spec, see `previewNeedsMemoryRouter`). */
  memoryRouter?: boolean
}

/** What the worker is told through Vitest's provided context (absolute paths inside the job folder). */
export interface AccessibilityCheckProvided {
  /** The test file in whose worker the check runs (after its tests, in its last afterAll hook). */
  testFile: string
  entry: string
  memoryRouter: boolean
  disabledRules: string[]
  /** How long axe may take; past it the check reports that it timed out. */
  timeoutMs: number
}

export const AXE_PROVIDED_KEY = "studioAxeCheck"
/** The key of the report in the test file's task meta. */
export const AXE_META_KEY = "studioAxeCheck"

declare module "vitest" {
  interface ProvidedContext {
    studioAxeCheck: AccessibilityCheckProvided | null
  }
}

/**
 * The worker-side half, loaded as a Vitest setup file (the source guard lets exactly this studio file through); found
 * from the package root, as the worker's entry is, so that it is right from the CLI's bundle too.
 */
export const AXE_CHECK_SETUP_FILE = path.join(ENGINE_ROOT, "src", "sandbox", "axe-check-setup.ts")

/**
 * Rules turned off, each for a reason: happy-dom (like jsdom) computes no layout, so rules that measure colours,
 * sizes or scrolling cannot judge; and a component is not a page, so rules about the document (its title, language,
 * landmarks, a main heading) do not apply to it.
 */
export const AXE_DISABLED_RULES: Readonly<Record<string, string>> = {
  "color-contrast": "needs computed colours over laid-out boxes",
  "color-contrast-enhanced": "needs computed colours over laid-out boxes",
  "link-in-text-block": "compares rendered colours of links and text",
  "target-size": "measures rendered target sizes",
  "scrollable-region-focusable": "needs scroll sizes from layout",
  "document-title": "a component is not a page",
  "html-has-lang": "a component is not a page",
  "html-lang-valid": "a component is not a page",
  "html-xml-lang-mismatch": "a component is not a page",
  "meta-viewport": "a component is not a page",
  "meta-viewport-large": "a component is not a page",
  "meta-refresh": "a component is not a page",
  bypass: "a component is not a page",
  region: "a component is not a page: it is placed inside the page's landmarks",
  "landmark-one-main": "a component is not a page",
  "page-has-heading-one": "a component is not a page",
}

/** Longest HTML snippet of an element kept in a diagnostic. */
const SNIPPET_CHARS = 160
/** Elements reported per rule; the rest are counted. */
const NODES_PER_RULE = 5

const impactSchema = z.enum(["minor", "moderate", "serious", "critical"])

/** The report as the worker leaves it (untrusted: generated code runs in the same worker), parsed before use. */
export const accessibilityReportSchema = z.object({
  violations: z
    .array(
      z.object({
        id: z.string().max(100),
        impact: impactSchema.nullish(),
        help: z.string().max(500),
        helpUrl: z.string().max(500),
        nodes: z
          .array(
            z.object({
              target: z.array(z.unknown()).max(20),
              html: z.string().max(2000),
              failureSummary: z.string().max(4000).optional(),
            }),
          )
          .max(100),
        /** Elements beyond those listed. */
        moreNodes: z.int().nonnegative().default(0),
      }),
    )
    .max(200),
  /** Elements axe looked at (the rendered component's, and its portals'); 0 when it did not run. */
  elements: z.int().nonnegative().default(0),
  /** Why the component could not be rendered or checked; then `violations` is empty. */
  error: z.string().max(2000).optional(),
  durationMs: z.number().nonnegative(),
})
export type AccessibilityReport = z.infer<typeof accessibilityReportSchema>
/** The report as the worker writes it (defaults not yet filled in). */
export type AccessibilityReportInput = z.input<typeof accessibilityReportSchema>

/** The check a job's files call for: the component the preview would show, or undefined when there is none. */
export function accessibilityRequestFor(
  files: Record<string, string>,
  options: { testsAsSpec: boolean; entry?: string },
): AccessibilityCheckRequest | undefined {
  const entry = options.entry ?? findPreviewEntry(files)
  if (entry === undefined || !Object.hasOwn(files, entry)) return undefined
  return { entry, memoryRouter: previewNeedsMemoryRouter(files, options.testsAsSpec) }
}

/** The diagnostics of a sandbox result's check (a backend that did not run it says so, as a warning). */
export function accessibilityResultDiagnostics(
  report: AccessibilityReport | { error: string } | undefined,
  entry: string,
): Diagnostic[] {
  if (report === undefined) return [notCheckedDiagnostic(entry, "the sandbox backend did not run it")]
  if (!("violations" in report)) return [notCheckedDiagnostic(entry, report.error)]
  return accessibilityDiagnostics(report, entry)
}

/** The provided context for a job: which test file hosts the check (the entry's own test, else the first). */
export function accessibilityProvided(
  root: string,
  request: AccessibilityCheckRequest,
  testFiles: readonly string[],
  timeoutMs: number,
): AccessibilityCheckProvided | null {
  const stem = request.entry.replace(/\.[jt]sx?$/, "")
  const host = testFiles.find((file) => file.startsWith(`${stem}.test.`)) ?? [...testFiles].sort()[0]
  if (host === undefined) return null
  return {
    testFile: path.join(root, host),
    entry: path.join(root, request.entry),
    memoryRouter: request.memoryRouter === true,
    disabledRules: Object.keys(AXE_DISABLED_RULES),
    timeoutMs,
  }
}

/** The report a test file's task meta carries, or why there is none that can be read. */
export function readAccessibilityReport(meta: unknown): AccessibilityReport | { error: string } {
  const value =
    typeof meta === "object" && meta !== null ? (meta as Record<string, unknown>)[AXE_META_KEY] : undefined
  if (value === undefined) return { error: "the check did not report (its test file did not finish)" }
  const parsed = accessibilityReportSchema.safeParse(value)
  return parsed.success ? parsed.data : { error: "the check's report could not be read" }
}

/**
 * Each violating element as a diagnostic at the component: critical and serious are errors, moderate and minor
 * warnings; the message says what is wrong, where (selector and HTML, sanitized and shortened) and how to fix it.
 */
export function accessibilityDiagnostics(report: AccessibilityReport, entry: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const violation of report.violations) {
    const severity = severityOf(violation.impact)
    const shown = violation.nodes.slice(0, NODES_PER_RULE)
    const more = violation.nodes.length - shown.length + violation.moreNodes
    shown.forEach((node, index) => {
      const selector = node.target
        .map((part) => (typeof part === "string" ? part : JSON.stringify(part)))
        .join(" ")
      const fix = firstFix(node.failureSummary)
      const extra =
        index === shown.length - 1 && more > 0 ? ` (and ${more} more element${more === 1 ? "" : "s"})` : ""
      const message =
        `${violation.help} [${violation.impact ?? "unknown impact"}]: ${shorten(node.html)}` +
        (selector ? ` at \`${shorten(selector)}\`` : "") +
        `${extra}. Fix: ${fix ? `${fix}; see ` : "see "}${helpUrlOf(violation.helpUrl)}`
      diagnostics.push({
        source: "axe",
        path: entry,
        line: 0,
        column: 0,
        message: sanitizeMessage(message),
        severity,
        ruleId: violation.id,
        ...(violation.impact ? { code: violation.impact } : {}),
      })
    })
  }
  if (report.error !== undefined) diagnostics.push(notCheckedDiagnostic(entry, report.error))
  return diagnostics
}

/** The check did not judge the component (it could not render it, or did not run): a warning, not a verdict. */
export function notCheckedDiagnostic(entry: string, reason: string): Diagnostic {
  return {
    source: "axe",
    path: entry,
    line: 0,
    column: 0,
    message: sanitizeMessage(`the accessibility check did not run: ${reason}`),
    severity: "warning",
  }
}

function severityOf(impact: AccessibilityReport["violations"][number]["impact"]): DiagnosticSeverity {
  return impact === "critical" || impact === "serious" ? "error" : "warning"
}

/** axe's summary starts "Fix any of the following:" and lists the options; the first one is shown. */
function firstFix(summary: string | undefined): string | undefined {
  const lines = (summary ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !/^Fix (any|all) of the following:$/.test(line))
  if (lines.length === 0) return undefined
  const [first = ""] = lines
  return shorten(
    lines.length > 1 ? `${first} (or ${lines.length - 1} other way${lines.length > 2 ? "s" : ""})` : first,
    240,
  )
}

function shorten(text: string, limit = SNIPPET_CHARS): string {
  const flat = text.replace(/\s+/g, " ").trim()
  return flat.length <= limit ? flat : `${flat.slice(0, limit - 1)}…`
}

/** Deque's rule page without the tracking query, only when it is one. */
function helpUrlOf(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.protocol === "https:" && parsed.hostname === "dequeuniversity.com")
      return `${parsed.origin}${parsed.pathname}`
  } catch {
    // not a URL: fall through
  }
  return "https://dequeuniversity.com/rules/axe/"
}
