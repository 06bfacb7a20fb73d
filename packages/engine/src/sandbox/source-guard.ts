import { realpathSync } from "node:fs"
import path from "node:path"
import type { Plugin } from "vite"

export interface SourceGuardOptions {
  /** The kit's `src/` folder: `@/components/ui/*` and `@/lib/*` resolve here. */
  kitSrc: string
  /** node_modules folders whose files the worker may load. */
  nodeModules: string[]
  /** The job folder of the run in progress (one run at a time per host). */
  currentJobRoot: () => string | undefined
}

/**
 * Resolves the `@/` alias per job and refuses to load anything outside the current job, the kit and node_modules.
 * The sandboxed worker asks the (unsandboxed) Vitest host for module code over RPC, so without this a test could
 * `import secrets from "/etc/…?raw"` and read host files through the host.
 */
export function sourceGuardPlugin(options: SourceGuardOptions): Plugin {
  const allowedRoots = () => {
    const job = options.currentJobRoot()
    return [options.kitSrc, ...options.nodeModules, ...(job ? [job] : [])]
  }
  const isAllowed = (file: string) => {
    let real: string
    try {
      real = realpathSync(file)
    } catch {
      real = path.resolve(file)
    }
    return allowedRoots().some((root) => real === root || real.startsWith(root + path.sep))
  }
  return {
    name: "studio:source-guard",
    enforce: "pre",
    async resolveId(source, importer) {
      if (!source.startsWith("@/")) return null
      const rest = source.slice(2)
      const job = options.currentJobRoot()
      const inKit = rest.startsWith("components/ui/") || rest.startsWith("lib/")
      const base = inKit ? options.kitSrc : job ? path.join(job, "src") : undefined
      if (!base) return null
      return this.resolve(path.join(base, rest), importer, { skipSelf: true })
    },
    load(id) {
      if (id.startsWith("\0") || id.startsWith("virtual:") || id.startsWith("/@")) return null
      const file = id.split("?")[0] ?? id
      if (!path.isAbsolute(file) || isAllowed(file)) return null
      throw new Error(`the sandbox refused to load ${path.basename(file)}: it is outside the job folder`)
    },
    transform(code, id) {
      const job = options.currentJobRoot()
      if (job && id.startsWith(job) && code.includes("import.meta.glob")) {
        throw new Error("import.meta.glob is not available to generated code")
      }
      return null
    },
  }
}
