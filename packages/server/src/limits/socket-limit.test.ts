import { describe, expect, it } from "vitest"
import { createSocketLimiter } from "./socket-limit"

describe("createSocketLimiter", () => {
  it("lets a user open sockets up to the maximum and refuses the next", () => {
    const sockets = createSocketLimiter({ maxPerUser: 2 })
    expect(sockets.acquire("ada")).toBe(true)
    expect(sockets.acquire("ada")).toBe(true)
    expect(sockets.acquire("ada")).toBe(false)
    expect(sockets.openSockets("ada")).toBe(2)
  })

  it("frees a place when a socket is released", () => {
    const sockets = createSocketLimiter({ maxPerUser: 1 })
    expect(sockets.acquire("ada")).toBe(true)
    sockets.release("ada")
    expect(sockets.openSockets("ada")).toBe(0)
    expect(sockets.acquire("ada")).toBe(true)
  })

  it("counts each user separately and in total", () => {
    const sockets = createSocketLimiter({ maxPerUser: 1 })
    expect(sockets.acquire("ada")).toBe(true)
    expect(sockets.acquire("grace")).toBe(true)
    expect(sockets.acquire("ada")).toBe(false)
    expect(sockets.total()).toBe(2)
  })

  it("ignores releases without a matching acquire, so counts never go negative", () => {
    const sockets = createSocketLimiter({ maxPerUser: 1 })
    sockets.release("ada")
    expect(sockets.openSockets("ada")).toBe(0)
    expect(sockets.total()).toBe(0)
    expect(sockets.acquire("ada")).toBe(true)
    expect(sockets.acquire("ada")).toBe(false)
  })

  it("refuses a maximum that is not a positive whole number", () => {
    expect(() => createSocketLimiter({ maxPerUser: 0 })).toThrow(/positive whole number/)
    expect(() => createSocketLimiter({ maxPerUser: 2.5 })).toThrow(/positive whole number/)
  })
})
