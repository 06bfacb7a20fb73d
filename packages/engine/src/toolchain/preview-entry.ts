import path from "node:path"
import { isTestFile } from "./job-files"
import { importSpecifiersOf } from "./kit-imports"

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
      importSpecifiersOf(files[filePath] ?? "").map((specifier) => componentName(specifier)),
    ),
  )
  return components.find((filePath) => !imported.has(componentName(filePath))) ?? components[0]
}

function componentName(specifierOrPath: string): string {
  return path.posix.basename(specifierOrPath).replace(/\.[jt]sx?$/, "")
}

/**
 * Mounts the entry's default export into `#root` with `window.__STUDIO_PROPS__`; the preview re-renders with
 * new props through `window.__STUDIO_RENDER__(props)`, without a rebuild.
 */
export function createPreviewEntrySource(entryPath: string): string {
  return `import { createElement } from "react"
import { createRoot } from "react-dom/client"
import Component from ${JSON.stringify(`./${entryPath}`)}

let container = document.getElementById("root")
if (container === null) {
  container = document.createElement("div")
  container.id = "root"
  document.body.appendChild(container)
}
const root = createRoot(container)
window.__STUDIO_RENDER__ = (props) => root.render(createElement(Component, props ?? {}))
window.__STUDIO_RENDER__(window.__STUDIO_PROPS__)
`
}
