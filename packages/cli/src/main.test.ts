import { afterEach, describe, expect, it, vi } from "vitest"
import { main } from "./main"

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
})

function captureStderr(): () => string {
  const written: string[] = []
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    written.push(String(chunk))
    return true
  })
  return () => written.join("")
}

describe("main: exit codes", () => {
  it("exits 2 with the message and the usage for a usage mistake (StudioError `usage`)", async () => {
    const stderr = captureStderr()
    expect(await main(["frobnicate"])).toBe(2)
    expect(stderr()).toMatch(/^studio: unknown command: frobnicate\n\nUsage: studio/)
    expect(await main(["exec"])).toBe(2)
    expect(stderr()).toMatch(/studio exec takes exactly one directory/)
    expect(await main(["serve", "--port", "http"])).toBe(2)
    expect(await main(["exec", "--nope", "dir"])).toBe(2)
  })

  it("exits 2 naming the variable for a bad setting (StudioError `config_invalid`)", async () => {
    const stderr = captureStderr()
    vi.stubEnv("STUDIO_ALLOW_UNISOLATED", "yes please")
    expect(await main(["doctor"])).toBe(2)
    expect(stderr()).toMatch(/^studio: invalid environment: STUDIO_ALLOW_UNISOLATED: must be 1 or 0/)
  })
})
