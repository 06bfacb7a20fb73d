import { describe, it, expect } from "vitest"
import { appearance, readableOn } from "./appearance"

describe("appearance", () => {
  it("keeps the theme when nothing is asked for", () => {
    expect(appearance({})).toEqual({ className: "bg-background text-foreground", style: {} })
  })
  it("sets the primary colour, its foreground and the focus ring from an accent", () => {
    expect(appearance({ accent: "#2563eb" }).style).toEqual({
      "--primary": "#2563eb",
      "--primary-foreground": "#ffffff",
      "--ring": "#2563eb",
    })
  })
  it("ignores an accent that is not a hex colour", () => {
    expect(appearance({ accent: "red; background: url(x)" }).style).toEqual({})
  })
  it("applies dark, size and radius", () => {
    const { className, style } = appearance({ dark: true, size: "lg", radius: "xl" })
    expect(className.split(" ")).toEqual(expect.arrayContaining(["dark", "[zoom:1.25]"]))
    expect(style).toEqual({ "--radius": "1.25rem" })
  })
  it("picks a readable foreground", () => {
    expect(readableOn("#facc15")).toBe("#0a0a0a")
    expect(readableOn("#1e3a8a")).toBe("#ffffff")
    expect(readableOn("#fff")).toBe("#0a0a0a")
  })
})
