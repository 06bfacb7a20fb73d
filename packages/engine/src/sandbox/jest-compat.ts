import { isTestFile } from "../toolchain/job-files"

// Tests a person brings (WebApp1K's, a Create React App project's) are written for Jest: `test` and `expect` as
// globals, a `jest` object, JSX in `.js` files, fetch-mock and the router. The sandbox runs them as they are, in
// the same isolation as generated tests, but only when the job says they were given (`SandboxJob.givenTests`, from
// the run's tests or the version it tests): those files get these globals (from a virtual module, so nothing is read
// from disk for it), the job's `.js` files get JSX compiled, and two more packages may be imported
// (allowed-imports.ts). A test a model wrote never does, with or without its `vitest` import: Vitest runs without
// globals, so such a test fails with "test is not defined", as it did before tests as the spec.

/** The module every given test file imports first (added by the sandbox, never by the file). */
export const JEST_GLOBALS_MODULE = "virtual:studio/jest-globals"
export const RESOLVED_JEST_GLOBALS_MODULE = "\0studio:jest-globals"

/** The job's given test files (tests as the spec): the ones it names that it holds and that are test files. */
export function givenTestFilesOf(job: {
  files: Record<string, string>
  givenTests?: readonly string[]
}): ReadonlySet<string> {
  return new Set(
    (job.givenTests ?? []).filter((filePath) => Object.hasOwn(job.files, filePath) && isTestFile(filePath)),
  )
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

/** Whether the sandbox compiles JSX in this job file (a `.js` file of a job of given tests). */
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
