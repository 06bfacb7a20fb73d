/**
 * Packages generated components may import (besides `@/…` and relative paths), and their subpaths. What may be
 * imported, and how, is decided by module-resolver.ts.
 */
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

/**
 * What a job whose tests a person gave (tests as the spec, such as WebApp1K's; see sandbox/jest-compat.ts) may import
 * in addition: its components may use the router, its tests also fetch-mock. Nothing else is added in that mode, and
 * the mode is always stated by the caller (`testsAsSpec`), never guessed from the files.
 */
export const TESTS_AS_SPEC_PACKAGES = ["react-router-dom"] as const
export const TESTS_AS_SPEC_TEST_PACKAGES = ["fetch-mock"] as const
