export { LocalSandbox, isSafeJobPath, type LocalSandboxOptions } from "./local-sandbox"
export { detectIsolation, findBubblewrap } from "./isolation"
export { listTestTitles } from "./test-titles"
export type { IsolationLevel, IsolationReport, SandboxBackend, SandboxJob, SandboxResult } from "./types"
