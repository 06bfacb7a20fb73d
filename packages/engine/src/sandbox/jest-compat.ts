import { isTestFile } from "../toolchain/job-files"
import { findImports } from "../toolchain/module-resolver"

// Tests a person brings (WebApp1K's, a Create React App project's) are written for Jest: `test` and `expect` as
// globals, a `jest` object, JSX in `.js` files, fetch-mock and the router. The sandbox runs them as they are, in
// the same isolation as generated tests: a job that holds such a file gets these globals (from a virtual module,
// so nothing is read from disk for it), JSX compiled in its `.js` files, and two more importable packages
// (allowed-imports.ts). Nothing else changes.

/** The module every Jest-style test file imports first (added by the sandbox, never by the file). */
export const JEST_GLOBALS_MODULE = "virtual:studio/jest-globals"
export const RESOLVED_JEST_GLOBALS_MODULE = "\0studio:jest-globals"

/** A test file written for Jest: a test file that takes nothing from `vitest` (generated tests always do). */
export function isJestStyleTest(filePath: string, source: string): boolean {
  if (!isTestFile(filePath)) return false
  return !findImports(filePath, source).some((found) => found.specifier === "vitest")
}

/** The job's Jest-style test files, in path order. */
export function jestStyleTestFiles(files: Record<string, string>): string[] {
  return Object.keys(files)
    .filter((filePath) => isJestStyleTest(filePath, files[filePath] ?? ""))
    .sort()
}

const JEST_MODULE_CALL = /\bjest\.(mock|unmock|doMock|dontMock)\(/g

/** `jest.mock(...)` as `vi.mock(...)`, so Vitest hoists it and the source guard checks the module it names. */
export function rewriteJestModuleCalls(source: string): string {
  return source.replace(JEST_MODULE_CALL, (_call, name: string) =>
    name === "dontMock" ? "vi.doUnmock(" : `vi.${name}(`,
  )
}

/** The test with the globals module imported first, on its first line, so its line numbers stay as written. */
export function withJestGlobals(source: string): string {
  return `import ${JSON.stringify(JEST_GLOBALS_MODULE)};${source}`
}

/** Whether the sandbox compiles JSX in this job file (a `.js` file of a Jest-style job). */
export function needsJsxInJs(filePath: string): boolean {
  return /\.[cm]?js$/.test(filePath)
}

/**
 * The globals module: Vitest's API under Jest's global names, `jest` mapped onto `vi`, and `navigator.clipboard`
 * defined and configurable so tests can replace it (`Object.assign(navigator, { clipboard })`).
 */
export const JEST_GLOBALS_SOURCE = `
import { vi, expect, test, it, describe, suite, beforeEach, afterEach, beforeAll, afterAll } from "vitest"
const jestOnly = {
  setTimeout(milliseconds) {
    vi.setConfig({ testTimeout: milliseconds })
    return jest
  },
  requireActual(name) {
    throw new Error("jest.requireActual(" + JSON.stringify(name) + ") is not available: use await vi.importActual()")
  },
}
const jest = new Proxy(vi, {
  get(target, key) {
    if (Object.hasOwn(jestOnly, key)) return jestOnly[key]
    const value = Reflect.get(target, key)
    return typeof value === "function" ? value.bind(target) : value
  },
})
Object.assign(globalThis, { vi, jest, expect, test, it, describe, suite, beforeEach, afterEach, beforeAll, afterAll })
if (typeof navigator !== "undefined") {
  const clipboard = {
    writeText: async () => undefined,
    readText: async () => "",
    write: async () => undefined,
    read: async () => [],
  }
  Object.defineProperty(navigator, "clipboard", { value: clipboard, writable: true, configurable: true, enumerable: true })
}
`
