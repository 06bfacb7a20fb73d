import type js from "@eslint/js"
import type { Linter, Rule } from "eslint"
import type jsxA11y from "eslint-plugin-jsx-a11y"
import type reactHooks from "eslint-plugin-react-hooks"
import type tseslint from "typescript-eslint"
import { isTestFile } from "./job-files"
import { allowedPackagesOf, quoted, resolveJobSpecifier } from "./module-resolver"

/** The lint packages, loaded by the caller (dynamically, so a missing one is a diagnostic, not a crash). */
export interface LintModules {
  js: typeof js
  tseslint: typeof tseslint
  reactHooks: typeof reactHooks
  jsxA11y: typeof jsxA11y
}

export const LINTED_FILES = ["**/*.{ts,tsx,js,jsx}"]

type ImportSource = Rule.Node & { type: "Literal" | "TemplateLiteral" | string }
type WithAttributes = { attributes?: unknown[]; options?: unknown }

/**
 * Reports imports of anything generated code may not use (node built-ins, unlisted packages) and any other import
 * the module resolver refuses (`..` out of the job or the kit, URLs, absolute paths, queries, attributes).
 */
export const allowedImportsRule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: {
      description: "Generated code may import only the kit, the job's files and a fixed list of packages.",
    },
    // `testsAsSpec`: the job's tests were given by a person, so the packages of that mode are allowed too.
    schema: [
      {
        type: "object",
        properties: { testsAsSpec: { type: "boolean" } },
        additionalProperties: false,
      },
    ],
    messages: {
      notAllowed: '"{{specifier}}" may not be imported by generated {{kind}}. Allowed: {{allowed}}.',
      computed: "Dynamic imports and require() with a computed name are not allowed in generated code.",
      require: "Use an import declaration instead of require() in generated code.",
      refused: "Import{{name}} refused: {{reason}}.",
      attributes: "Import attributes (with { type: … }) are not allowed in generated code.",
    },
  },
  create(context) {
    const inTest = isTestFile(context.filename)
    const testsAsSpec = (context.options[0] as { testsAsSpec?: boolean } | undefined)?.testsAsSpec === true
    const allowed = [...allowedPackagesOf(inTest, testsAsSpec), "@/…", "relative paths"]
    function checkSource(source: ImportSource | null | undefined, node?: WithAttributes): void {
      if (source === null || source === undefined) return
      if (source.type !== "Literal" || !("value" in source) || typeof source.value !== "string") {
        context.report({ node: source, messageId: "computed" })
        return
      }
      if ((node?.attributes?.length ?? 0) > 0 || (node?.options ?? null) !== null) {
        context.report({ node: source, messageId: "attributes" })
        return
      }
      const verdict = resolveJobSpecifier(source.value, context.filename, { inTest, testsAsSpec })
      if (verdict.ok) return
      const notAPackage =
        verdict.reason.startsWith("it is not a package") || verdict.reason.includes("built-ins")
      context.report(
        notAPackage
          ? {
              node: source,
              messageId: "notAllowed",
              data: {
                specifier: source.value,
                kind: inTest ? "tests" : "components",
                allowed: allowed.join(", "),
              },
            }
          : {
              node: source,
              messageId: "refused",
              data: { name: quoted(source.value), reason: verdict.reason },
            },
      )
    }
    return {
      ImportDeclaration: (node) => checkSource(node.source as ImportSource, node as WithAttributes),
      ExportNamedDeclaration: (node) =>
        checkSource(node.source as ImportSource | null | undefined, node as WithAttributes),
      ExportAllDeclaration: (node) => checkSource(node.source as ImportSource, node as WithAttributes),
      ImportExpression: (node) => checkSource(node.source as ImportSource, node as WithAttributes),
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
 * jsx-a11y recommended, and the allowed-imports rule (with the packages of tests as the spec when `testsAsSpec`).
 * Inline `eslint-disable` comments are ignored.
 */
export function createGeneratedCodeLintConfig(
  modules: LintModules,
  options: { testsAsSpec?: boolean } = {},
): Linter.Config[] {
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
        "studio/allowed-imports": ["error", { testsAsSpec: options.testsAsSpec === true }],
        "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
        "@typescript-eslint/no-explicit-any": "warn",
        // `export interface EmptyStateProps {}` is the convention for a component without props.
        "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "always" }],
      },
    },
  ]
}
