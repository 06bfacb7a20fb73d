export { extractPublicInterface } from "./public-interface"
export { run, type RunDependencies, type RunOutcome, type RunRequest } from "./run"
export { buildVersionReport } from "./report"
