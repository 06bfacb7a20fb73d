import { createRequire } from "node:module"
import type ts from "typescript"

const requireFromHere = createRequire(import.meta.url)

/**
 * TypeScript through `require`, not `import()`: importing its 9 MB CommonJS bundle from ESM makes Node scan it for
 * named exports first, which costs ~0.5 s of every cold start (measured: import 680 ms, require 185 ms).
 */
export function loadTypeScript(): typeof ts {
  return requireFromHere("typescript") as typeof ts
}
