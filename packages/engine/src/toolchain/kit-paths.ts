import path from "node:path"
import { ENGINE_ROOT } from "../engine-root"

/** packages/engine: node_modules are resolved upward from here. */
export const ENGINE_DIR = ENGINE_ROOT
/** packages/engine/kit: what generated code may import through `@/components/ui/*` and `@/lib/*`. */
export const KIT_DIR = path.join(ENGINE_DIR, "kit")

export type AliasTarget = { target: "kit"; path: string } | { target: "job"; path: string }

/**
 * Where an `@/` import points: `@/components/ui/*` and `@/lib/*` go to the kit's `src/` (an absolute path),
 * anything else under `@/` to the job's `src/` (a job-relative path). Other specifiers give undefined.
 */
export function resolveAliasedImport(specifier: string, kitDir: string = KIT_DIR): AliasTarget | undefined {
  if (!specifier.startsWith("@/")) return undefined
  const rest = specifier.slice(2)
  if (rest.startsWith("components/ui/") || rest.startsWith("lib/")) {
    return { target: "kit", path: path.join(kitDir, "src", rest) }
  }
  return { target: "job", path: path.posix.join("src", rest) }
}
