// eslint-plugin-jsx-a11y 6 ships no types; only what the engine uses is declared.
declare module "eslint-plugin-jsx-a11y" {
  import type { ESLint, Linter } from "eslint"

  const jsxA11y: ESLint.Plugin & { flatConfigs: { recommended: Linter.Config; strict: Linter.Config } }
  export default jsxA11y
}
