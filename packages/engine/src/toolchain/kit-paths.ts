import path from "node:path"
import { ENGINE_ROOT } from "../engine-root"

/** packages/engine: node_modules are resolved upward from here. */
export const ENGINE_DIR = ENGINE_ROOT
/**
 * packages/engine/kit: what generated code may import through `@/components/ui/*` and `@/lib/*` (its `src/`).
 * Where an import points, and whether it may, is decided in module-resolver.ts.
 */
export const KIT_DIR = path.join(ENGINE_DIR, "kit")
