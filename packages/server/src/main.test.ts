import { afterEach, describe, expect, it, vi } from "vitest"
import { serve } from "./main"

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
  process.exitCode = undefined
})

describe("serve", () => {
  it("prints a bad setting as one line naming every variable, and exits 2 without starting", async () => {
    const written: string[] = []
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      written.push(String(chunk))
      return true
    })
    vi.stubEnv("PORT", "http")
    vi.stubEnv("STUDIO_RATE_LIMIT", "0")
    await serve()
    expect(process.exitCode).toBe(2)
    expect(written.join("")).toMatch(/^studio serve: invalid environment: PORT: .+; STUDIO_RATE_LIMIT: .+\n$/)
  })
})
