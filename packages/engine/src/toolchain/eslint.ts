import type { Linter } from "eslint"
import { createGeneratedCodeLintConfig } from "./eslint-config"
import { isScriptFile } from "./job-files"
import { createLazy } from "./lazy"
import { defineManifest } from "./manifest"
import {
  isTestsAsSpec,
  type Diagnostic,
  type PluginInput,
  type PluginResult,
  type ToolchainPlugin,
} from "./types"

export const eslintManifest = defineManifest({
  name: "eslint",
  packageName: "eslint",
  description:
    "Lints generated code in memory with one fixed config: typescript-eslint, react-hooks, jsx-a11y and the allowed-imports rule.",
  inputs: [".ts", ".tsx", ".js", ".jsx"],
  outputs: ["diagnostics"],
  command: "eslint",
  costEstimate: 40,
  compatibility: ["node>=20.19", "eslint@9 flat config", "typescript-eslint@8"],
})

interface WarmLinter {
  linter: Linter
  config: Linter.Config[]
  /** The same config for tests as the spec (its allowed-imports rule allows that mode's packages). */
  testsAsSpecConfig: Linter.Config[]
}

/** Lints the job's script files; the Linter and its config are built on first use and kept for the process. */
export function createEslintPlugin(): ToolchainPlugin {
  const warmLinter = createLazy(loadLinter)
  return {
    manifest: eslintManifest,
    async warmUp() {
      const { linter, config } = await warmLinter.get()
      linter.verify("export const warm = 1\n", config, { filename: "src/warm-up.tsx" })
    },
    async run(input: PluginInput): Promise<PluginResult> {
      const { files, signal } = input
      const started = performance.now()
      const warm = await warmLinter.get()
      const { linter } = warm
      const config = isTestsAsSpec(input) ? warm.testsAsSpecConfig : warm.config
      const diagnostics: Diagnostic[] = []
      for (const [filePath, content] of Object.entries(files)) {
        signal?.throwIfAborted()
        if (!isScriptFile(filePath)) continue
        for (const message of linter.verify(content, config, { filename: filePath })) {
          diagnostics.push(lintMessageToDiagnostic(filePath, message))
        }
      }
      return { diagnostics, durationMs: performance.now() - started }
    },
  }
}

async function loadLinter(): Promise<WarmLinter> {
  const [{ Linter }, js, tseslint, reactHooks, jsxA11y] = await Promise.all([
    import("eslint"),
    import("@eslint/js"),
    import("typescript-eslint"),
    import("eslint-plugin-react-hooks"),
    import("eslint-plugin-jsx-a11y"),
  ])
  const modules = {
    js: js.default,
    tseslint: tseslint.default,
    reactHooks: reactHooks.default,
    jsxA11y: jsxA11y.default,
  }
  return {
    linter: new Linter({ configType: "flat" }),
    config: createGeneratedCodeLintConfig(modules),
    testsAsSpecConfig: createGeneratedCodeLintConfig(modules, { testsAsSpec: true }),
  }
}

export function lintMessageToDiagnostic(filePath: string, message: Linter.LintMessage): Diagnostic {
  const diagnostic: Diagnostic = {
    source: "eslint",
    path: filePath,
    line: message.line,
    // typescript-eslint's parser reports syntax errors with a 0-based column; rule messages are 1-based.
    column: message.fatal === true ? message.column + 1 : message.column,
    message: message.message,
    severity: message.severity === 2 ? "error" : "warning",
  }
  if (message.ruleId !== null) diagnostic.ruleId = message.ruleId
  return diagnostic
}
