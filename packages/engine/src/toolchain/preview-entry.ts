import path from "node:path"
import { isTestFile } from "./job-files"
import { findImports } from "./module-resolver"

/** Job-relative path of the virtual module that mounts the previewed component. */
export const PREVIEW_ENTRY_PATH = "__studio_preview_entry__.jsx"

/**
 * The component to preview: among `src/components/*.tsx` (not tests), the one no other component imports,
 * the first by name when there are several. Undefined when the job has no component.
 */
export function findPreviewEntry(files: Record<string, string>): string | undefined {
  const components = Object.keys(files)
    .filter((filePath) => /^src\/components\/[^/]+\.[jt]sx$/.test(filePath) && !isTestFile(filePath))
    .sort()
  const imported = new Set(
    components.flatMap((filePath) =>
      findImports(filePath, files[filePath] ?? "").flatMap((found) =>
        found.specifier === undefined ? [] : [componentName(found.specifier)],
      ),
    ),
  )
  return components.find((filePath) => !imported.has(componentName(filePath))) ?? components[0]
}

function componentName(specifierOrPath: string): string {
  return path.posix.basename(specifierOrPath).replace(/\.[jt]sx?$/, "")
}

/**
 * Whether the preview mounts the component inside react-router-dom's `MemoryRouter`: only for tests as the spec, whose
 * components may use the router (`useNavigate`, `Link` need one, and their tests render them in one), and only when a
 * component of the job imports it.
 */
export function previewNeedsMemoryRouter(files: Record<string, string>, testsAsSpec: boolean): boolean {
  return (
    testsAsSpec &&
    Object.entries(files).some(
      ([filePath, content]) =>
        !isTestFile(filePath) &&
        findImports(filePath, content).some((found) => found.specifier === "react-router-dom"),
    )
  )
}

/**
 * Mounts the entry's default export into `#root` with `window.__STUDIO_PROPS__` (inside a `MemoryRouter` when
 * `options.memoryRouter`, see {@link previewNeedsMemoryRouter}). The preview re-renders with new
 * props through `window.__STUDIO_RENDER__(props)` (a promise that settles once the commit is painted), without a
 * rebuild. It tells the page's bridge (`window.__STUDIO_BRIDGE__`, see preview-html.ts) when the first render is
 * painted and when rendering throws; a render error shows a visible message instead of a blank page.
 */
export function createPreviewEntrySource(
  entryPath: string,
  options: { memoryRouter?: boolean } = {},
): string {
  const mounted = options.memoryRouter
    ? "createElement(MemoryRouter, null, createElement(Previewed, this.props.componentProps))"
    : "createElement(Previewed, this.props.componentProps)"
  return `import { Component, createElement } from "react"
import { flushSync } from "react-dom"
import { createRoot } from "react-dom/client"
${options.memoryRouter ? 'import { MemoryRouter } from "react-router-dom"\n' : ""}import Previewed from ${JSON.stringify(`./${entryPath}`)}

const reportError = (error) => window.__STUDIO_BRIDGE__?.reportError(error)
const messageOf = (error) => (error instanceof Error ? error.message || error.name : String(error))
const panelStyle = {
  margin: 0,
  padding: "12px 16px",
  border: "1px solid #fca5a5",
  borderRadius: "8px",
  background: "#fef2f2",
  color: "#991b1b",
  font: "13px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace",
  whiteSpace: "pre-wrap",
}

function RenderError({ error }) {
  return createElement("pre", { role: "alert", style: panelStyle }, "The component threw while rendering:\\n" + messageOf(error))
}

// New props (a new object per render) clear a caught error: the person may be fixing it from the props panel.
class PreviewErrorBoundary extends Component {
  constructor(props) {
    super(props)
    this.state = { error: null, componentProps: props.componentProps }
  }
  static getDerivedStateFromError(error) {
    return { error }
  }
  static getDerivedStateFromProps(next, state) {
    return next.componentProps !== state.componentProps ? { error: null, componentProps: next.componentProps } : null
  }
  render() {
    return this.state.error === null
      ? ${mounted}
      : createElement(RenderError, { error: this.state.error })
  }
}

let container = document.getElementById("root")
if (container === null) {
  container = document.createElement("div")
  container.id = "root"
  document.body.appendChild(container)
}
// React unmounts the whole tree on an error no boundary caught; this message stands in beside #root (never inside it,
// where React owns the nodes) until the next render.
let fatal
const showFatal = (error) => {
  fatal ??= document.createElement("pre")
  fatal.setAttribute("role", "alert")
  Object.assign(fatal.style, panelStyle)
  fatal.textContent = "The preview stopped after an error:\\n" + messageOf(error)
  container.after(fatal)
}
const root = createRoot(container, {
  onCaughtError: (error) => reportError(error),
  onUncaughtError: (error) => {
    reportError(error)
    showFatal(error)
  },
})

// The animation frame comes before the frame that paints the commit; the timeout queued in it runs once that frame is
// painted. The second timer is a backstop: a hidden iframe may get no animation frames at all.
const afterPaint = () =>
  new Promise((resolve) => {
    let settled = false
    const settle = () => {
      if (!settled) {
        settled = true
        resolve()
      }
    }
    requestAnimationFrame(() => setTimeout(settle, 0))
    setTimeout(settle, 250)
  })

window.__STUDIO_RENDER__ = (props) => {
  fatal?.remove()
  fatal = undefined
  // Committed synchronously, so the promise below means "this render is on screen".
  flushSync(() => root.render(createElement(PreviewErrorBoundary, { componentProps: props ?? {} })))
  return afterPaint()
}
Promise.resolve()
  .then(() => window.__STUDIO_RENDER__(window.__STUDIO_PROPS__))
  .then(
    () => window.__STUDIO_BRIDGE__?.ready(),
    (error) => {
      reportError(error)
      showFatal(error)
    },
  )
`
}
