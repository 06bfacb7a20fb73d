export { LocalSandbox, isSafeJobPath, type LocalSandboxOptions } from "./local-sandbox"
export { BACKEND_PROTECTION, detectIsolation, findBubblewrap } from "./isolation"
export {
  allowUnisolatedSchema,
  assertMayRunUntrustedCode,
  mayRunUntrustedCode,
  publicIsolation,
  readSandboxPolicy,
} from "./policy"
export { findUnshareTools } from "./unshare"
export { listTestTitles } from "./test-titles"
export type {
  IsolationBackend,
  IsolationLevel,
  IsolationReport,
  SandboxBackend,
  SandboxCommandJob,
  SandboxCommandResult,
  SandboxJob,
  SandboxResult,
} from "./types"
