import { describe, it, expect } from "vitest"
import { isAllowedImport } from "./allowed-imports"

describe("isAllowedImport", () => {
  it("allows the kit, the job, relative paths and the listed packages with their subpaths", () => {
    for (const specifier of [
      "@/components/ui/button",
      "@/lib/utils",
      "./Counter",
      "../hooks",
      "react",
      "react-dom/client",
      "lucide-react",
      "clsx",
      "tailwind-merge",
      "class-variance-authority",
    ]) {
      expect(isAllowedImport(specifier, { inTest: false }), specifier).toBe(true)
    }
  })

  it("rejects node built-ins, other packages and look-alike names", () => {
    for (const specifier of [
      "node:fs",
      "fs",
      "child_process",
      "axios",
      "react-router",
      "reactx",
      "/etc/passwd",
    ]) {
      expect(isAllowedImport(specifier, { inTest: false }), specifier).toBe(false)
    }
  })

  it("allows vitest and Testing Library in tests only", () => {
    expect(isAllowedImport("vitest", { inTest: true })).toBe(true)
    expect(isAllowedImport("@testing-library/user-event", { inTest: true })).toBe(true)
    expect(isAllowedImport("vitest", { inTest: false })).toBe(false)
    expect(isAllowedImport("@testing-library/react", { inTest: false })).toBe(false)
  })
})
