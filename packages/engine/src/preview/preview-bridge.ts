/**
 * The preview page's side of the studio <-> preview messages. The studio shows the page in an iframe with
 * `sandbox="allow-scripts"` whose `src` is the page's short-lived route (`/preview/<id>`), so the page has an opaque
 * origin: it cannot call the studio, only post to it (its messages reach the studio with the origin "null"). The
 * studio page itself keeps its real origin, which is what `event.origin` says for the messages it sends.
 *
 * parent -> preview (accepted only from `window.parent` and only when `event.origin` is the embedded parent origin):
 *   { source: "studio", type: "render", id: number, props: object }  re-render in place, then answer `rendered`
 *   { source: "studio", type: "theme", theme: "light" | "dark" }     toggle the `dark` class on <html>
 * preview -> parent (posted with the parent origin as target, so no other page can read them):
 *   { source: "studio-preview", type: "ready" }                       the first render is painted
 *   { source: "studio-preview", type: "rendered", id }                 the render with that id is painted
 *   { source: "studio-preview", type: "error", message, stack? }       a build, render or runtime error
 */
export const PREVIEW_MESSAGE_SOURCE = { studio: "studio", preview: "studio-preview" } as const

/** Longest message / stack posted to the studio: an error's text can be anything the component made up. */
const MAX_MESSAGE_CHARS = 4000
const MAX_STACK_CHARS = 8000

/**
 * JSON for inside an inline `<script>`: `<` is escaped so no value can close the element or open a comment, and
 * U+2028 / U+2029 so old parsers do not see a line break inside a string.
 */
export function scriptJson(value: unknown): string {
  return (JSON.stringify(value) ?? "null")
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")
}

export interface PreviewBridgeOptions {
  /** The studio page's origin; without one the bridge accepts no message and posts none. */
  parentOrigin?: string
  /** Set when the bundle did not build: posted as an error as soon as the page loads. */
  buildError?: string
}

/** The bridge as an inline script; it runs before the bundle, so it also sees errors while the bundle starts. */
export function createPreviewBridgeScript(options: PreviewBridgeOptions): string {
  return `(() => {
  "use strict"
  const parentOrigin = ${scriptJson(options.parentOrigin ?? null)}
  const buildError = ${scriptJson(options.buildError ?? null)}
  const post = (message) => {
    if (parentOrigin === null || window.parent === window) return
    try {
      window.parent.postMessage(Object.assign({ source: ${scriptJson(PREVIEW_MESSAGE_SOURCE.preview)} }, message), parentOrigin)
    } catch {
      // A message that cannot be cloned is dropped rather than breaking the preview.
    }
  }
  const text = (value, max) => {
    try {
      return String(value).slice(0, max)
    } catch {
      return "(an error that cannot be shown)"
    }
  }
  const reportError = (error) => {
    const isError = error instanceof Error
    const message = text(isError ? error.message || error.name : error, ${MAX_MESSAGE_CHARS})
    const stack = isError && typeof error.stack === "string" ? { stack: text(error.stack, ${MAX_STACK_CHARS}) } : {}
    post(Object.assign({ type: "error", message }, stack))
  }
  Object.defineProperty(window, "__STUDIO_BRIDGE__", {
    value: Object.freeze({ ready: () => post({ type: "ready" }), reportError }),
  })
  window.addEventListener("error", (event) => reportError(event.error ?? event.message))
  window.addEventListener("unhandledrejection", (event) => reportError(event.reason))
  window.addEventListener("message", (event) => {
    if (parentOrigin === null || event.source !== window.parent || event.origin !== parentOrigin) return
    const data = event.data
    if (typeof data !== "object" || data === null || data.source !== ${scriptJson(PREVIEW_MESSAGE_SOURCE.studio)}) return
    if (data.type === "render") {
      const props = data.props
      const render = window.__STUDIO_RENDER__
      if (typeof data.id !== "number" || typeof props !== "object" || props === null || Array.isArray(props)) return
      if (typeof render !== "function") return
      Promise.resolve()
        .then(() => render(props))
        .then(() => post({ type: "rendered", id: data.id }), reportError)
    } else if (data.type === "theme" && (data.theme === "light" || data.theme === "dark")) {
      document.documentElement.classList.toggle("dark", data.theme === "dark")
      document.documentElement.style.colorScheme = data.theme
    }
  })
  if (buildError !== null) post({ type: "error", message: text(buildError, ${MAX_MESSAGE_CHARS}) })
})()`
}
