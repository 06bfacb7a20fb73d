import { describe, it, expect } from "vitest"
import { createLazy } from "./lazy"

describe("createLazy", () => {
  it("creates the value once and shares it", async () => {
    let created = 0
    const lazy = createLazy(async () => ({ id: ++created }))
    expect(lazy.peek()).toBeUndefined()
    const [first, second] = await Promise.all([lazy.get(), lazy.get()])
    expect(first).toBe(second)
    expect(created).toBe(1)
    lazy.reset()
    expect((await lazy.get()).id).toBe(2)
  })

  it("retries after a failed creation", async () => {
    let attempts = 0
    const lazy = createLazy(async () => {
      attempts += 1
      if (attempts === 1) throw new Error("not yet")
      return "ready"
    })
    await expect(lazy.get()).rejects.toThrow("not yet")
    await expect(lazy.get()).resolves.toBe("ready")
  })
})
