import { createRequire } from "node:module"
import path from "node:path"

/**
 * packages/engine, found through the package's own name, so it is right both when this file runs from source and
 * when it is bundled into the CLI's dist/ (where `import.meta.url` points elsewhere).
 */
export const ENGINE_ROOT = path.dirname(createRequire(import.meta.url).resolve("@studio/engine/package.json"))
