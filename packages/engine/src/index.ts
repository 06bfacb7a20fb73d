export { createEngine, type Engine, type EngineOptions, type EngineToolchainOptions } from "./engine"
export {
  BACKEND_PROTECTION,
  LocalSandbox,
  allowUnisolatedSchema,
  assertMayRunUntrustedCode,
  detectIsolation,
  isSafeJobPath,
  listTestTitles,
  mayRunUntrustedCode,
  publicIsolation,
  readSandboxPolicy,
  type IsolationBackend,
  type IsolationLevel,
  type IsolationReport,
  type LocalSandboxOptions,
  type SandboxBackend,
  type SandboxCommandJob,
  type SandboxCommandResult,
  type SandboxJob,
  type SandboxResult,
} from "./sandbox"
export { createSandboxVitestPlugin } from "./sandbox/vitest-plugin"
export { createSandboxAxePlugin } from "./sandbox/axe-plugin"
export { commandDiagnostics, createCustomToolchainPlugin } from "./sandbox/custom-plugin"
export {
  IMPORT_CHECK_SOURCE,
  checkJobImports,
  createModuleResolver,
  findImports,
  moduleResolverFor,
  resolveJobSpecifier,
  resolveKitSpecifier,
  type FoundImport,
  type ModuleResolver,
  type ModuleTarget,
  type SpecifierVerdict,
} from "./toolchain"
export {
  PLUGIN_IDS,
  createThreadedPlugins,
  createToolchainRegistry,
  findPreviewEntry,
  generatedCodeCompilerOptionsJson,
  isPluginId,
  isTestsAsSpec,
  loadCustomPlugin,
  loadCustomPlugins,
  type CustomPluginDefinition,
  type PluginId,
  type PluginManifest,
  type PluginName,
  type ToolchainRegistry,
} from "./toolchain"
export {
  PREVIEW_CSP_DIRECTIVES,
  PREVIEW_MESSAGE_SOURCE,
  buildPreviewHtml,
  type PreviewHtmlOptions,
  type PreviewPage,
} from "./preview"
export {
  EDITOR_MODEL,
  EDITOR_PROVIDER,
  EXECUTE_STAGE_PLUGINS,
  buildVersionReport,
  collectRun,
  consumeRun,
  executeProject,
  extractPublicInterface,
  run,
  testEditedCode,
  validateEditedPath,
  type EditedCodeDependencies,
  type EditedCodeRequest,
  type ExecuteOptions,
  type ExecuteResult,
  type RunDependencies,
  type RunEvents,
  type RunOutcome,
  type RunRequest,
} from "./pipeline"
export { validateGeneratedPath, type PathValidation } from "./generators/parsing"
export { createOpenAiGenerator, detectOllama, type OpenAiGeneratorOptions } from "./generators/llm"
export {
  CATALOGUE,
  OFFLINE_MODEL,
  OFFLINE_PROVIDER,
  createOfflineGenerator,
  readPrompt,
  type OfflineGeneratorOptions,
  type Recipe,
} from "./generators/offline"
export { readModelEnvironment, type ModelEnvironment } from "./generators/model-environment"
export {
  BUILT_IN_MODEL_PRICES,
  findModelPrice,
  modelPriceTableSchema,
  priceRun,
  readBudgetEnvironment,
  type ModelPrice,
  type ModelPriceTable,
  type RunBudget,
} from "./pricing"
export { PROVIDERS, resolveGenerator, type Provider } from "./generators/resolve-generator"
export type { Generator, GeneratorChunk, StageInput, PreviousVersion } from "./generators/types"
