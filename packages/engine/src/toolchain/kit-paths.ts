import { createRequire } from "node:module"
import path from "node:path"
import { ENGINE_ROOT } from "../engine-root"

/** packages/engine: node_modules are resolved upward from here. */
export const ENGINE_DIR = ENGINE_ROOT
/**
 * packages/kit (`@studio/kit`): what generated code may import through `@/components/ui/*` and `@/lib/*` (its
 * `src/`). Found through the package's name, like ENGINE_ROOT, so it is right from source and from the CLI's bundle.
 * Where an import points, and whether it may, is decided in module-resolver.ts.
 */
export const KIT_DIR = path.dirname(createRequire(import.meta.url).resolve("@studio/kit/package.json"))
