export { extractPublicInterface } from "./public-interface"
export { run, type RunDependencies, type RunOutcome, type RunRequest } from "./run"
export {
  EDITOR_MODEL,
  EDITOR_PROVIDER,
  runTests,
  type RunTestsDependencies,
  type RunTestsRequest,
} from "./run-tests"
export { buildVersionReport } from "./report"
