import type js from "@eslint/js"
import type { Linter, Rule } from "eslint"
import type jsxA11y from "eslint-plugin-jsx-a11y"
import type reactHooks from "eslint-plugin-react-hooks"
import type tseslint from "typescript-eslint"
import { ALLOWED_PACKAGES, ALLOWED_TEST_PACKAGES, isAllowedImport } from "./allowed-imports"
import { isTestFile } from "./job-files"

/** The lint packages, loaded by the caller (dynamically, so a missing one is a diagnostic, not a crash). */
export interface LintModules {
  js: typeof js
  tseslint: typeof tseslint
  reactHooks: typeof reactHooks
  jsxA11y: typeof jsxA11y
}

export const LINTED_FILES = ["**/*.{ts,tsx,js,jsx}"]

type ImportSource = Rule.Node & { type: "Literal" | "TemplateLiteral" | string }

/** Reports imports of anything generated code may not use (node built-ins, unlisted packages). */
export const allowedImportsRule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: {
      description: "Generated code may import only the kit, the job's files and a fixed list of packages.",
    },
    schema: [],
    messages: {
      notAllowed: '"{{specifier}}" may not be imported by generated {{kind}}. Allowed: {{allowed}}.',
      computed: "Dynamic imports and require() with a computed name are not allowed in generated code.",
      require: "Use an import declaration instead of require() in generated code.",
    },
  },
  create(context) {
    const inTest = isTestFile(context.filename)
    const allowed = [...ALLOWED_PACKAGES, ...(inTest ? ALLOWED_TEST_PACKAGES : []), "@/…", "relative paths"]
    function checkSource(source: ImportSource | null | undefined): void {
      if (source === null || source === undefined) return
      if (source.type !== "Literal" || !("value" in source) || typeof source.value !== "string") {
        context.report({ node: source, messageId: "computed" })
        return
      }
      if (isAllowedImport(source.value, { inTest })) return
      context.report({
        node: source,
        messageId: "notAllowed",
        data: { specifier: source.value, kind: inTest ? "tests" : "components", allowed: allowed.join(", ") },
      })
    }
    return {
      ImportDeclaration: (node) => checkSource(node.source as ImportSource),
      ExportNamedDeclaration: (node) => checkSource(node.source as ImportSource | null | undefined),
      ExportAllDeclaration: (node) => checkSource(node.source as ImportSource),
      ImportExpression: (node) => checkSource(node.source as ImportSource),
      CallExpression(node) {
        if (node.callee.type !== "Identifier" || node.callee.name !== "require") return
        context.report({ node, messageId: "require" })
      },
    }
  },
}

/**
 * The one fixed flat config for generated code: typescript-eslint's parser without type information (fast),
 * recommended JS + typescript-eslint rules, react-hooks (rules-of-hooks an error, the rest warnings),
 * jsx-a11y recommended, and the allowed-imports rule. Inline `eslint-disable` comments are ignored.
 */
export function createGeneratedCodeLintConfig(modules: LintModules): Linter.Config[] {
  const { js, tseslint, reactHooks, jsxA11y } = modules
  const reactHooksRecommended = reactHooks.configs.flat.recommended
  return [
    {
      files: LINTED_FILES,
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "off" },
      languageOptions: {
        parser: tseslint.parser as Linter.Parser,
        ecmaVersion: "latest",
        sourceType: "module",
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
    },
    { ...js.configs.recommended, files: LINTED_FILES },
    ...(tseslint.configs.recommended as Linter.Config[]).map((config) => ({
      ...config,
      files: LINTED_FILES,
    })),
    {
      files: LINTED_FILES,
      plugins: reactHooksRecommended.plugins as Linter.Config["plugins"],
      // The React Compiler rules of react-hooks 7 flag working code (setState in an effect, ...): warnings, so
      // they show without failing the build; breaking the rules of hooks stays an error.
      rules: Object.fromEntries(
        Object.entries(reactHooksRecommended.rules ?? {}).map(([rule, level]) => [
          rule,
          rule === "react-hooks/rules-of-hooks" || level === "off" ? level : "warn",
        ]),
      ),
    },
    { ...jsxA11y.flatConfigs.recommended, files: LINTED_FILES },
    {
      files: LINTED_FILES,
      plugins: { studio: { rules: { "allowed-imports": allowedImportsRule } } },
      rules: {
        "studio/allowed-imports": "error",
        "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
        "@typescript-eslint/no-explicit-any": "warn",
        // `export interface EmptyStateProps {}` is the convention for a component without props.
        "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "always" }],
      },
    },
  ]
}
