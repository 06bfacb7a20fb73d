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
