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
  STUDIO_EVENT_TYPES,
  buildErrorEventSchema,
  buildOkEventSchema,
  buildProgressEventSchema,
  errorEventSchema,
  eventEnvelopeSchema,
  fileClosedEventSchema,
  hotReloadEventSchema,
  parseStudioEvent,
  reasoningStepEventSchema,
  runFinishedEventSchema,
  runMetricsSchema,
  runStartedEventSchema,
  stageCompleteEventSchema,
  studioEventSchema,
  testResultEventSchema,
  tokenEventSchema,
} from "./events"
export type {
  EventEnvelope,
  RunMetrics,
  StudioEvent,
  StudioEventOf,
  StudioEventParseResult,
  StudioEventType,
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

export { ERROR_CODES, StudioError, errorCodeSchema, toStudioError } from "./errors"
export type { ErrorCode, PublicError, StudioErrorOptions } from "./errors"

export { sanitizeMessage } from "./sanitize-message"

export {
  API_LIMITS,
  WS_PROTOCOL,
  apiErrorSchema,
  authResponseSchema,
  clientMessageSchema,
  createProjectSchema,
  credentialsSchema,
  feedbackSchema,
  generateMessageSchema,
  observationSchema,
  pluginManifestSchema,
  previewRequestSchema,
  previewResponseSchema,
  projectFilesSchema,
  projectSchema,
  requirementReportSchema,
  runAcceptedSchema,
  runSummarySchema,
  RUN_STATUSES,
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
  GenerateMessage,
  Observation,
  PluginManifestInfo,
  PreviewRequest,
  PreviewResponse,
  Project,
  RunSummary,
  ServerControlMessage,
  TestRunRequest,
  User,
  Version,
  VersionReport,
  VersionSummary,
} from "./api"
