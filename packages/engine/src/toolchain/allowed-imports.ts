/** Packages generated components may import (besides `@/…` and relative paths), and their subpaths. */
export const ALLOWED_PACKAGES = [
  "react",
  "react-dom",
  "lucide-react",
  "clsx",
  "tailwind-merge",
  "class-variance-authority",
] as const

/** Packages generated tests may import in addition. */
export const ALLOWED_TEST_PACKAGES = [
  "vitest",
  "@testing-library/react",
  "@testing-library/user-event",
  "@testing-library/jest-dom",
  "@testing-library/dom",
] as const

/** Whether generated code may import `specifier`; tests may also import vitest and Testing Library. */
export function isAllowedImport(specifier: string, options: { inTest: boolean }): boolean {
  if (specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("@/")) return true
  const packages: readonly string[] = options.inTest
    ? [...ALLOWED_PACKAGES, ...ALLOWED_TEST_PACKAGES]
    : ALLOWED_PACKAGES
  return packages.some((name) => specifier === name || specifier.startsWith(`${name}/`))
}
