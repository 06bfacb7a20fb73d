import type { Diagnostic } from "@studio/protocol"
import type { ToolchainRegistry } from "../toolchain"

export interface PreviewPage {
  html: string
  diagnostics: Diagnostic[]
}

/** `</script>` inside inlined code would end the script element early. */
const inlineScript = (code: string) => code.replace(/<\/script/gi, "<\\/script")
const inlineStyle = (css: string) => css.replace(/<\/style/gi, "<\\/style")

/**
 * A self-contained page that renders the component: the esbuild bundle (component + kit + React) and the Tailwind CSS
 * compiled for its classes, inlined, under a Content-Security-Policy that allows no network at all.
 */
export async function buildPreviewHtml(
  files: Record<string, string>,
  options: { toolchain: ToolchainRegistry; title: string; entry?: string; props?: Record<string, unknown> },
): Promise<PreviewPage> {
  const [bundle, styles] = await Promise.all([
    options.toolchain.runPlugin("esbuild", { files, ...(options.entry ? { entry: options.entry } : {}) }),
    options.toolchain.runPlugin("tailwind", { files }),
  ])
  const diagnostics = [...bundle.diagnostics, ...styles.diagnostics]
  const script = bundle.artifacts?.bundle
  const title = options.title.replace(/[<>&"]/g, "")
  const props = JSON.stringify(options.props ?? {}).replace(/</g, "\\u003c")
  const body = script
    ? `<div id="root"></div>\n<script>window.__STUDIO_PROPS__ = ${props}</script>\n<script>${inlineScript(script)}</script>`
    : `<pre style="color:#b91c1c;padding:16px">The preview could not be built:\n${diagnostics
        .map((diagnostic) =>
          `${diagnostic.path}:${diagnostic.line}: ${diagnostic.message}`.replace(/[<>&]/g, ""),
        )
        .join("\n")}</pre>`
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:">
<title>${title} — AI Studio preview</title>
<style>${inlineStyle(styles.artifacts?.css ?? "")}</style>
</head>
<body style="margin:0;padding:32px;min-height:100vh;box-sizing:border-box">
${body}
</body>
</html>
`
  return { html, diagnostics }
}
