export { ALLOWED_PACKAGES, ALLOWED_TEST_PACKAGES } from "./allowed-imports"
export { axeManifest } from "./axe"
export { isAbortError, isModuleNotFoundError, pluginFailureDiagnostic, runDiagnostic } from "./diagnostic"
export { createEsbuildPlugin, esbuildManifest, esbuildMessageToDiagnostic } from "./esbuild"
export type { EsbuildPluginOptions } from "./esbuild"
export { createEslintPlugin, eslintManifest, lintMessageToDiagnostic } from "./eslint"
export { allowedImportsRule, createGeneratedCodeLintConfig } from "./eslint-config"
export type { LintModules } from "./eslint-config"
export { isSafeJobPath, isTestFile } from "./job-files"
export { ENGINE_DIR, KIT_DIR } from "./kit-paths"
export {
  IMPORT_CHECK_SOURCE,
  checkFileImports,
  checkJobImports,
  createModuleResolver,
  findImports,
  moduleResolverFor,
  nodeModulesFolders,
  refusalMessage,
  refusalOf,
  resolveJobSpecifier,
  resolveKitSpecifier,
} from "./module-resolver"
export type {
  CheckOptions,
  FoundImport,
  ImportForm,
  KitSourceFile,
  ModuleResolver,
  ModuleResolverOptions,
  ModuleTarget,
  SpecifierOptions,
  SpecifierVerdict,
} from "./module-resolver"
export { NOT_INSTALLED, defineManifest } from "./manifest"
export { loadCustomPlugin, loadCustomPlugins, type CustomPluginDefinition } from "./custom-plugins"
export { PREVIEW_ENTRY_PATH, createPreviewEntrySource, findPreviewEntry } from "./preview-entry"
export { GENERATED_CODE_PRETTIER_OPTIONS, createPrettierPlugin, prettierManifest } from "./prettier"
export { createToolchainRegistry, vitestManifest } from "./registry"
export type { ToolchainRegistry } from "./registry"
export { compileTailwindCss, createTailwindPlugin, tailwindManifest } from "./tailwind"
export type { TailwindPluginOptions } from "./tailwind"
export { PLUGIN_IDS, isPluginId, isTestsAsSpec } from "./types"
export type {
  Diagnostic,
  PluginId,
  PluginInput,
  PluginManifest,
  PluginName,
  PluginResult,
  ToolchainPlugin,
} from "./types"
export { generatedCodeCompilerOptionsJson } from "./compiler-options"
export { createThreadedPlugins, type ThreadedPluginId, type ThreadedPluginsOptions } from "./thread"
export { createTypeScriptPlugin, typescriptManifest } from "./typescript"
export { createTypeScriptChecker } from "./typescript-checker"
export type { TypeScriptChecker, TypeScriptCheckerOptions } from "./typescript-checker"
