import { createHash } from "node:crypto"
import type { Diagnostic } from "@studio/protocol"
import type { PluginResult, ToolchainRegistry } from "../toolchain"
import { checkJobImports } from "../toolchain/module-resolver"
import { createPreviewBridgeScript, scriptJson } from "./preview-bridge"

export interface PreviewPage {
  html: string
  diagnostics: Diagnostic[]
}

export interface PreviewHtmlOptions {
  toolchain: ToolchainRegistry
  title: string
  /** Path of the component to render; found from the files when omitted. */
  entry?: string
  props?: Record<string, unknown>
  /** The studio page's origin: the only sender the preview obeys and the only receiver of its messages. */
  parentOrigin?: string
  /**
   * Tests as the spec: the job paths of the tests a person gave (the run's or version's `givenTests`). Then the
   * component may import react-router-dom. Absent or empty: generated code.
   */
  givenTests?: readonly string[]
}

/**
 * The preview page's Content-Security-Policy: no network at all (not even its own origin), only its own inline
 * scripts and styles, images and fonts it carries as data: (or makes as blob:), no <base>, no form submission. It is
 * the page's meta tag, so the page holds it however it is served; the server also sends it as a header.
 */
export const PREVIEW_CSP_DIRECTIVES = {
  "default-src": ["'none'"],
  "script-src": ["'unsafe-inline'"],
  "style-src": ["'unsafe-inline'"],
  "img-src": ["data:", "blob:"],
  "font-src": ["data:"],
  "base-uri": ["'none'"],
  "form-action": ["'none'"],
} as const satisfies Record<string, readonly string[]>

const PREVIEW_META_CSP = Object.entries(PREVIEW_CSP_DIRECTIVES)
  .map(([name, sources]) => [name, ...sources].join(" "))
  .join("; ")

/** `</script>` inside inlined code would end the script element early. */
const inlineScript = (code: string) => code.replace(/<\/script/gi, "<\\/script")
const inlineStyle = (css: string) => css.replace(/<\/style/gi, "<\\/style")

// The kit's body colours, stated outside Tailwind's layers too, so the `dark` class the studio toggles always turns
// the page dark (the fallbacks cover a kit without the theme variables).
const THEME_STYLE =
  "html{color-scheme:light}html.dark{color-scheme:dark}" +
  "body{background:var(--background,#fff);color:var(--foreground,#0a0a0a)}"

/**
 * A self-contained page that renders the component: the esbuild bundle (component + kit + React) and the Tailwind CSS
 * compiled for its classes, inlined, under a Content-Security-Policy that allows no network at all, with the bridge
 * that lets the studio re-render it, switch its theme and hear about errors (see preview-bridge.ts).
 */
export async function buildPreviewHtml(
  files: Record<string, string>,
  options: PreviewHtmlOptions,
): Promise<PreviewPage> {
  // The module resolver's pre-check first: a job that imports what it may not is neither bundled nor scanned.
  const givenTests = options.givenTests ?? []
  const refused = checkJobImports(files, { testsAsSpec: givenTests.length > 0 })
  const [bundle, styles]: PreviewParts =
    refused.length > 0
      ? [
          { diagnostics: refused, durationMs: 0 },
          { diagnostics: [], durationMs: 0 },
        ]
      : await previewParts(files, options.toolchain, options.entry, givenTests)
  const diagnostics = [...bundle.diagnostics, ...styles.diagnostics]
  const script = bundle.artifacts?.bundle
  const title = options.title.replace(/[<>&"]/g, "")
  const problems = diagnostics
    .filter((diagnostic) => diagnostic.severity === "error")
    .map((diagnostic) =>
      diagnostic.path ? `${diagnostic.path}:${diagnostic.line}: ${diagnostic.message}` : diagnostic.message,
    )
  const buildError = script ? undefined : `The preview could not be built:\n${problems.join("\n")}`
  const bridge = createPreviewBridgeScript({
    ...(options.parentOrigin ? { parentOrigin: options.parentOrigin } : {}),
    ...(buildError ? { buildError } : {}),
  })
  const body = script
    ? `<div id="root"></div>\n<script>window.__STUDIO_PROPS__ = ${scriptJson(options.props ?? {})}</script>\n<script>${inlineScript(script)}</script>`
    : `<pre role="alert" style="color:#b91c1c;white-space:pre-wrap;margin:0">${escapeHtml(buildError ?? "")}</pre>`
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${PREVIEW_META_CSP}">
<title>${title} — AI Studio preview</title>
<style>${inlineStyle(styles.artifacts?.css ?? "")}</style>
<style>${THEME_STYLE}</style>
<script>${inlineScript(bridge)}</script>
</head>
<body style="margin:0;padding:32px;min-height:100vh;box-sizing:border-box">
${body}
</body>
</html>
`
  return { html, diagnostics }
}

/** The page's two built parts, the bundle and the CSS: what takes time, and the same for every parent origin. */
type PreviewParts = [bundle: PluginResult, styles: PluginResult]

/** Parts built lately, per toolchain, by what they were built from (newest last). */
const builtParts = new WeakMap<ToolchainRegistry, Map<string, { parts: Promise<PreviewParts>; at: number }>>()
const MAX_BUILT_PARTS = 8
const BUILT_PARTS_TTL_MS = 2 * 60_000

/**
 * The bundle and CSS for these files, built once: a run builds them as soon as its scaffold (or a repair) is written
 * (`preparePreview`), so the studio's request for the page, which comes while the tests run and the machine is busy,
 * finds them built. A few recent ones are kept for a couple of minutes; a failed build is not kept.
 */
function previewParts(
  files: Record<string, string>,
  toolchain: ToolchainRegistry,
  entry: string | undefined,
  givenTests: readonly string[],
): Promise<PreviewParts> {
  const key = createHash("sha256")
    .update(
      JSON.stringify([Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)), entry ?? "", givenTests]),
    )
    .digest("hex")
  const cache = builtParts.get(toolchain) ?? new Map<string, { parts: Promise<PreviewParts>; at: number }>()
  builtParts.set(toolchain, cache)
  const now = Date.now()
  for (const [old, built] of cache) if (now - built.at > BUILT_PARTS_TTL_MS) cache.delete(old)
  const found = cache.get(key)
  if (found) return found.parts
  const parts = Promise.all([
    toolchain.runPlugin("esbuild", { files, givenTests, ...(entry ? { entry } : {}) }),
    toolchain.runPlugin("tailwind", { files, givenTests }),
  ])
  cache.set(key, { parts, at: now })
  parts.catch(() => cache.delete(key))
  while (cache.size > MAX_BUILT_PARTS) cache.delete(cache.keys().next().value!)
  return parts
}

/**
 * Builds the preview's bundle and CSS for these files ahead of the page (see `previewParts`), waiting at most
 * `waitMs`: a slow build goes on, and the page's request waits for the same build. Never throws.
 */
export async function preparePreview(
  files: Record<string, string>,
  options: { toolchain: ToolchainRegistry; entry?: string; givenTests?: readonly string[]; waitMs?: number },
): Promise<void> {
  const givenTests = options.givenTests ?? []
  if (checkJobImports(files, { testsAsSpec: givenTests.length > 0 }).length > 0) return
  const parts = previewParts(files, options.toolchain, options.entry, givenTests).catch(() => undefined)
  let timer: NodeJS.Timeout | undefined
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, options.waitMs ?? 1500)))
  await Promise.race([parts, waited])
  clearTimeout(timer)
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
}
