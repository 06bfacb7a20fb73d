export { collectRun, consumeRun, type RunEvents } from "./consume-run"
export { extractPublicInterface } from "./public-interface"
export { run, type RunRequest } from "./run"
export type { RunDependencies, RunOutcome } from "./run-context"
export {
  EXECUTE_STAGE_PLUGINS,
  executeProject,
  executeStage,
  type ExecuteOptions,
  type ExecuteResult,
  type ExecuteStageContext,
} from "./stages/execute"
export { findFocusedTests } from "./stages/focused-tests"
export {
  EDITOR_MODEL,
  EDITOR_PROVIDER,
  testEditedCode,
  validateEditedPath,
  type EditedCodeDependencies,
  type EditedCodeRequest,
} from "./test-edited-code"
export { buildVersionReport } from "./version-report"
