import { parseOptions } from "@node-rs/argon2"
import { describe, expect, it } from "vitest"
import { checkPasswordPolicy, hashPassword, verifyPassword } from "./passwords"

describe("hashPassword / verifyPassword", () => {
  it("hashes with argon2id at the OWASP parameters and a fresh salt each time", async () => {
    const first = await hashPassword("correct horse battery")
    const second = await hashPassword("correct horse battery")
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(parseOptions(first)).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 })
    expect(second).not.toBe(first)
    expect(first).not.toContain("correct horse battery")
  })

  it("accepts the right password and refuses a wrong one", async () => {
    const passwordHash = await hashPassword("correct horse battery")
    expect(await verifyPassword(passwordHash, "correct horse battery")).toBe(true)
    expect(await verifyPassword(passwordHash, "correct horse batterY")).toBe(false)
    expect(await verifyPassword(passwordHash, "")).toBe(false)
  })

  it("handles passwords beyond ASCII", async () => {
    const passwordHash = await hashPassword("pässwörd-🔑-密码")
    expect(await verifyPassword(passwordHash, "pässwörd-🔑-密码")).toBe(true)
    expect(await verifyPassword(passwordHash, "passwörd-🔑-密码")).toBe(false)
  })

  it.each([
    ["an empty string", ""],
    ["plain text", "not a hash"],
    ["a truncated hash", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ"],
    ["a bcrypt hash", "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"],
  ])("returns false, without throwing, for %s", async (_label, malformed) => {
    await expect(verifyPassword(malformed, "whatever123")).resolves.toBe(false)
  })
})

describe("checkPasswordPolicy", () => {
  it("accepts 8 to 256 characters", () => {
    expect(checkPasswordPolicy("12345678")).toBeUndefined()
    expect(checkPasswordPolicy("x".repeat(256))).toBeUndefined()
  })

  it("explains what is wrong with a short or a long password", () => {
    expect(checkPasswordPolicy("1234567")).toBe("The password must have at least 8 characters.")
    expect(checkPasswordPolicy("x".repeat(257))).toBe("The password must have at most 256 characters.")
  })

  it("counts characters, not UTF-16 units", () => {
    // Four emoji are 8 UTF-16 units but only 4 characters.
    expect(checkPasswordPolicy("🔑🔑🔑🔑")).toMatch(/at least 8/)
    expect(checkPasswordPolicy("🔑".repeat(256))).toBeUndefined()
  })
})
