export {
  EXECUTE_STAGE_PLUGINS,
  executeProject,
  type ExecuteProgress,
  type ExecuteProjectOptions,
  type ExecuteProjectResult,
} from "./execute-project"
