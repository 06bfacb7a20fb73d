// The accessibility check's worker-side half: a Vitest setup file, loaded before every test file in the sandbox and
// inert unless the host asked for the check (Vitest's provided context) and this is the file that hosts it. Then,
// after the file's tests, it renders the component as the preview does (default export, its own default props) into
// a clean body, runs axe-core, and leaves the report in the file's task meta (see axe-check.ts). It never fails the
// file: every problem becomes part of the report.
import type { AxeResults, ElementContext, RunOptions } from "axe-core"
// The minified build: a third of the source to parse in each worker, the same rules.
import axeModule from "axe-core/axe.min.js"
import { act, Component, createElement, type ComponentType, type ReactNode } from "react"
import { createRoot } from "react-dom/client"
import { afterAll, inject, vi } from "vitest"
// Types only: the worker loads no other studio module (the source guard lets only this file through).
import type {
  AccessibilityCheckProvided,
  AccessibilityReportInput,
  AXE_META_KEY,
  AXE_PROVIDED_KEY,
} from "./axe-check"

// Spelled out (the values are not imported); their types hold them equal to axe-check.ts's.
const PROVIDED_KEY: typeof AXE_PROVIDED_KEY = "studioAxeCheck"
const META_KEY: typeof AXE_META_KEY = "studioAxeCheck"
const axe = axeModule
/** The DOM the worker's environment (happy-dom) provides; the engine's own code is typed without the DOM library. */
interface CheckElement {
  remove(): void
}
interface CheckDocument {
  body: CheckElement & {
    replaceChildren(...nodes: CheckElement[]): void
    querySelectorAll(selector: string): { length: number }
  }
  createElement(tagName: "div"): CheckElement
}
const MAX_RULES = 200
const MAX_NODES = 20
const MAX_HTML = 600

const request = inject(PROVIDED_KEY)
if (request) {
  afterAll(
    // Vitest requires the first parameter (the hook's fixtures, none here) to be a destructuring pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, suite) => {
      // Registered here, the hook belongs to the file's root suite.
      if (suite.file !== suite || suite.file.filepath !== request.testFile) return
      ;(suite.meta as Record<string, unknown>)[META_KEY] = await checkAccessibility(request)
    },
    // Beyond axe's own limit, so that the check reports a timeout instead of failing the file's hook.
    request.timeoutMs + 5_000,
  )
}

async function checkAccessibility(provided: AccessibilityCheckProvided): Promise<AccessibilityReportInput> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  // A test that left fake timers on would stop axe's own timers; a component that fetches on mount must neither
  // reach the network nor fail on an unmatched mock: its requests stay pending while it is checked.
  vi.useRealTimers()
  const fetchBefore = globalThis.fetch
  globalThis.fetch = () => new Promise<Response>(() => undefined)
  const renderErrors: unknown[] = []
  let root: ReturnType<typeof createRoot> | undefined
  const document = (globalThis as unknown as { document: CheckDocument }).document
  const container = document.createElement("div")
  try {
    const loaded = (await import(/* @vite-ignore */ provided.entry)) as { default?: unknown }
    const Previewed = loaded.default
    if (typeof Previewed !== "function" && (typeof Previewed !== "object" || Previewed === null))
      return {
        violations: [],
        error: "the component file has no default export to render",
        durationMs: elapsed(),
      }
    let element = createElement(Previewed as ComponentType, {})
    if (provided.memoryRouter) {
      const { MemoryRouter } = await import("react-router-dom")
      element = createElement(MemoryRouter, null, element)
    }
    // What the tests left in the body is not the component's: it is checked alone, as the preview shows it.
    document.body.replaceChildren(container)
    root = createRoot(container, {
      onCaughtError: (error) => renderErrors.push(error),
      onUncaughtError: (error) => renderErrors.push(error),
    })
    const mounted = root
    const onError = (error: unknown) => void renderErrors.push(error)
    await act(async () => mounted.render(createElement(RenderErrorBoundary, { onError }, element)))
    if (renderErrors.length > 0)
      return {
        violations: [],
        error: `the component threw while rendering with its default props: ${messageOf(renderErrors[0])}`,
        durationMs: elapsed(),
      }
    const results = await withTimeout(
      axe.run(document.body as ElementContext, runOptions(provided)),
      provided.timeoutMs,
      `axe did not finish within ${provided.timeoutMs / 1000} s`,
    )
    return {
      violations: violationsOf(results),
      elements: document.body.querySelectorAll("*").length,
      durationMs: elapsed(),
    }
  } catch (error) {
    return { violations: [], error: messageOf(error), durationMs: elapsed() }
  } finally {
    try {
      const mounted = root
      if (mounted) await act(async () => mounted.unmount())
    } catch {
      // unmounting a broken tree: nothing is left to check
    }
    container.remove()
    globalThis.fetch = fetchBefore
  }
}

function runOptions(provided: AccessibilityCheckProvided): RunOptions {
  return {
    resultTypes: ["violations"],
    rules: Object.fromEntries(provided.disabledRules.map((id) => [id, { enabled: false }])),
  }
}

/** What the host needs of each violation, bounded (the meta crosses the IPC channel). */
function violationsOf(results: AxeResults): AccessibilityReportInput["violations"] {
  return results.violations.slice(0, MAX_RULES).map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? null,
    help: violation.help.slice(0, 500),
    helpUrl: violation.helpUrl.slice(0, 500),
    nodes: violation.nodes.slice(0, MAX_NODES).map((node) => ({
      target: node.target
        .slice(0, 20)
        .map((part) => (typeof part === "string" ? part : JSON.stringify(part))),
      html: node.html.slice(0, MAX_HTML),
      ...(node.failureSummary ? { failureSummary: node.failureSummary.slice(0, 4000) } : {}),
    })),
    moreNodes: Math.max(0, violation.nodes.length - MAX_NODES),
  }))
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms)
  })
  return Promise.race([work, expired]).finally(() => clearTimeout(timer))
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error)
  return text.slice(0, 1000)
}

/** Catches what the component throws while rendering, so the check reports it instead of React logging it. */
class RenderErrorBoundary extends Component<
  { onError: (error: unknown) => void; children?: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error)
  }
  override render() {
    return this.state.failed ? null : this.props.children
  }
}
