import { StudioError } from "@studio/protocol"
import { describe, expect, it } from "vitest"
import { createMemoryPreviewStore, PREVIEW_STORE_DEFAULTS } from "./preview-store"

const page = (html = "<p>hi</p>", parentOrigin = "http://localhost:5173") => ({ html, parentOrigin })

function clockedStore(options: Parameters<typeof createMemoryPreviewStore>[0] = {}) {
  let time = 1_000_000
  const store = createMemoryPreviewStore({ now: () => time, ...options })
  return { store, advance: (ms: number) => (time += ms), now: () => time }
}

describe("createMemoryPreviewStore", () => {
  it("keeps a page under a new random id of 192 bits and gives it back with its parent origin", async () => {
    const { store, now } = clockedStore()
    const stored = await store.put("ada", page("<p>one</p>", "https://studio.example.com"))
    expect(stored.id).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(Buffer.from(stored.id, "base64url")).toHaveLength(24)
    expect(stored.expiresAt.getTime()).toBe(now() + PREVIEW_STORE_DEFAULTS.ttlMs)
    expect(await store.get(stored.id)).toEqual({
      html: "<p>one</p>",
      parentOrigin: "https://studio.example.com",
      expiresAt: stored.expiresAt,
    })
    const ids = new Set<string>()
    for (let index = 0; index < 200; index++) ids.add((await store.put(`user${index}`, page())).id)
    expect(ids.size).toBe(200)
  })

  it("answers nothing for an unknown id or one that is not an id at all", async () => {
    const { store } = clockedStore()
    const { id } = await store.put("ada", page())
    const other = `${id.slice(0, -1)}${id.endsWith("A") ? "B" : "A"}`
    expect(await store.get(other)).toBeUndefined()
    for (const bad of ["", "../etc/passwd", `${id}x`, id.slice(1), "__proto__", "constructor"])
      expect(await store.get(bad), bad).toBeUndefined()
  })

  it("forgets a page when its time is up, and frees its bytes", async () => {
    const { store, advance } = clockedStore({ ttlMs: 60_000 })
    const first = await store.put("ada", page("x".repeat(1000)))
    advance(30_000)
    const second = await store.put("ada", page("y".repeat(10)))
    advance(29_999)
    expect(await store.get(first.id)).toBeDefined()
    advance(1)
    expect(await store.get(first.id)).toBeUndefined()
    expect(await store.get(second.id)).toBeDefined()
    expect(store.usage()).toEqual({ pages: 1, bytes: 10 })
    advance(30_000)
    expect(await store.get(second.id)).toBeUndefined()
    expect(store.usage()).toEqual({ pages: 0, bytes: 0 })
  })

  it("holds at most maxPerOwner pages per user: a new one replaces that user's oldest, not anyone else's", async () => {
    const { store } = clockedStore({ maxPerOwner: 2 })
    const grace = await store.put("grace", page())
    const [a1, a2, a3] = [
      await store.put("ada", page()),
      await store.put("ada", page()),
      await store.put("ada", page()),
    ]
    expect(await store.get(a1.id)).toBeUndefined()
    expect(await store.get(a2.id)).toBeDefined()
    expect(await store.get(a3.id)).toBeDefined()
    expect(await store.get(grace.id)).toBeDefined()
    expect(store.usage().pages).toBe(3)
  })

  it("one page per user still works (the user's only page is replaced)", async () => {
    const { store } = clockedStore({ maxPerOwner: 1 })
    const first = await store.put("ada", page("1"))
    const second = await store.put("ada", page("2"))
    const third = await store.put("ada", page("3"))
    expect([await store.get(first.id), await store.get(second.id)]).toEqual([undefined, undefined])
    expect((await store.get(third.id))?.html).toBe("3")
    expect(store.usage()).toEqual({ pages: 1, bytes: 1 })
  })

  it("holds at most maxPages across all users, dropping the oldest first", async () => {
    const { store } = clockedStore({ maxPages: 3 })
    const stored = []
    for (const owner of ["a", "b", "c", "d", "e"]) stored.push(await store.put(owner, page()))
    const kept = await Promise.all(stored.map(async ({ id }) => (await store.get(id)) !== undefined))
    expect(kept).toEqual([false, false, true, true, true])
    expect(store.usage().pages).toBe(3)
  })

  it("holds at most maxBytes of HTML (UTF-8) across all users, and refuses a page larger than that", async () => {
    const { store } = clockedStore({ maxBytes: 100 })
    const first = await store.put("a", page("x".repeat(40)))
    const second = await store.put("b", page("é".repeat(20))) // 40 bytes
    expect(store.usage()).toEqual({ pages: 2, bytes: 80 })
    const third = await store.put("c", page("z".repeat(30)))
    expect(await store.get(first.id)).toBeUndefined()
    expect(await store.get(second.id)).toBeDefined()
    expect(await store.get(third.id)).toBeDefined()
    expect(store.usage()).toEqual({ pages: 2, bytes: 70 })

    const tooLarge = await store.put("a", page("x".repeat(101))).catch((error: unknown) => error)
    expect(StudioError.isInstance(tooLarge) && tooLarge.code).toBe("payload_too_large")
    expect(store.usage()).toEqual({ pages: 2, bytes: 70 })
  })

  it("refuses limits that are not positive whole numbers", () => {
    for (const bad of [{ ttlMs: 0 }, { maxPerOwner: -1 }, { maxPages: 1.5 }, { maxBytes: Number.NaN }])
      expect(() => createMemoryPreviewStore(bad), JSON.stringify(bad)).toThrow(/positive whole number/)
  })
})
