export {
  AGENT_STAGES,
  PROP_CONTROLS,
  agentStageSchema,
  contractPropSchema,
  contractSchema,
  propControlSchema,
  requirementSchema,
} from "./contract"
export type { AgentStage, Contract, ContractProp, PropControl, Requirement } from "./contract"

export { DIAGNOSTIC_SEVERITIES, diagnosticSchema, diagnosticSeveritySchema } from "./diagnostics"
export type { Diagnostic, DiagnosticSeverity } from "./diagnostics"

export {
  PLUGIN_SOURCES,
  pluginDiagnosticLineSchema,
  pluginFileSchema,
  pluginNameSchema,
  pluginSourceSchema,
} from "./plugin-file"
export type { PluginDiagnosticLine, PluginFile, PluginSource } from "./plugin-file"

export {
  COST_BASES,
  STUDIO_EVENT_TYPES,
  buildErrorEventSchema,
  buildOkEventSchema,
  buildProgressEventSchema,
  costBasisSchema,
  errorEventSchema,
  eventEnvelopeSchema,
  fileClosedEventSchema,
  hotReloadEventSchema,
  parseStudioEvent,
  reasoningStepEventSchema,
  runFinishedEventSchema,
  runMetricsSchema,
  runQueuedEventSchema,
  runStartedEventSchema,
  stageCompleteEventSchema,
  studioEventSchema,
  testResultEventSchema,
  tokenCountSchema,
  tokenEventSchema,
} from "./events"
export type {
  CostBasis,
  EventEnvelope,
  RunMetrics,
  StudioEvent,
  StudioEventOf,
  StudioEventParseResult,
  StudioEventType,
  TokenCount,
} from "./events"

export { createEventSequencer } from "./event-sequencer"
export type { EmitStudioEvent, StudioEventInput } from "./event-sequencer"

export {
  TEST_STATUSES,
  execResultSchema,
  evaluateRequirements,
  requirementIdFromTestName,
  testCaseResultSchema,
  testStatusSchema,
} from "./exec-result"
export type { ExecResult, RequirementStatus, TestCaseResult, TestStatus } from "./exec-result"
export { requirementIdOf } from "./requirement-trace"
export type { TracedTest } from "./requirement-trace"

export { VERDICTS, VERDICT_CHECKS, computeVerdict, verdictOutcomeSchema, verdictSchema } from "./verdict"
export type { Verdict, VerdictInput, VerdictOutcome } from "./verdict"
export {
  storedRunFinishedEventSchema,
  storedVersionReportSchema,
  upgradeRunFinishedEvent,
  upgradeVersionReport,
  verdictOfEarlierRun,
} from "./stored-verdicts"
export type { EarlierRun, StoredRunFinishedEvent } from "./stored-verdicts"

export { ERROR_CODES, StudioError, errorCodeSchema, toStudioError } from "./errors"
export type { ErrorCode, PublicError, StudioErrorOptions } from "./errors"
export { describeIssue, parseOrThrow, safeParse } from "./parse-or-throw"
export type { ParseOrThrowOptions } from "./parse-or-throw"

export { sanitizeMessage } from "./sanitize-message"

export {
  modelPriceSchema,
  modelPriceTableSchema,
  RUN_REPAIR_LIMITS,
  runRequestSchema,
  type ModelPrice,
  type ModelPriceTable,
} from "./run-request"
export type { ParsedRunRequest, RunRequestInput } from "./run-request"

export {
  ISOLATION_BACKENDS,
  ISOLATION_LEVELS,
  isolationBackendSchema,
  isolationLevelSchema,
  sandboxIsolationResponseSchema,
  sandboxIsolationSchema,
} from "./sandbox-isolation"
export type {
  IsolationBackendName,
  IsolationLevelName,
  SandboxIsolation,
  SandboxIsolationResponse,
} from "./sandbox-isolation"
export { generatorInfoSchema, studioInfoSchema } from "./studio-info"
export type { GeneratorInfo, StudioInfo } from "./studio-info"

export {
  API_LIMITS,
  WS_PROTOCOL,
  apiErrorSchema,
  authResponseSchema,
  clientMessageSchema,
  createProjectSchema,
  credentialsSchema,
  diffSizeSchema,
  feedbackSchema,
  generateMessageSchema,
  givenTestFileSchema,
  givenTestsSchema,
  observationSchema,
  pluginManifestSchema,
  previewPageUrlSchema,
  previewRequestSchema,
  previewResponseSchema,
  projectFilesSchema,
  projectSchema,
  readinessSchema,
  requirementReportSchema,
  runAcceptedSchema,
  runSchema,
  runSummarySchema,
  RUN_STATUSES,
  startRunRequestSchema,
  testRunRequestSchema,
  serverControlMessageSchema,
  userSchema,
  versionReportSchema,
  versionSchema,
  versionSummarySchema,
} from "./api"
export type {
  ApiError,
  AuthResponse,
  ClientMessage,
  Credentials,
  DiffSize,
  GenerateMessage,
  GivenTestFile,
  Observation,
  PluginManifestInfo,
  PreviewRequest,
  PreviewResponse,
  Project,
  Readiness,
  Run,
  RunSummary,
  ServerControlMessage,
  StartRunRequest,
  TestRunRequest,
  User,
  Version,
  VersionReport,
  VersionSummary,
} from "./api"

export { API_ROUTES, matchRoute, routeUrl } from "./routes"
export type {
  ApiRouteName,
  HttpMethod,
  JsonRouteDefinition,
  OtherRouteDefinition,
  RouteBody,
  RouteDefinition,
  RouteParams,
  RouteQuery,
  RouteResponse,
} from "./routes"
