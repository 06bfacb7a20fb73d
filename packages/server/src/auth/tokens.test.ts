import { SignJWT, UnsecuredJWT, base64url, decodeJwt, generateKeyPair } from "jose"
import { StudioError } from "@studio/protocol"
import { describe, expect, it } from "vitest"
import { createTokenService } from "./tokens"

const SECRET = "a-test-secret-that-is-long-enough-for-hs256!"
const ISSUER = "ai-studio"
const AUDIENCE = "ai-studio-web"
const USER = { id: "user-123", email: "ada@example.com" }
const service = createTokenService({ secret: SECRET, issuer: ISSUER, audience: AUDIENCE })
const key = new TextEncoder().encode(SECRET)

/** A token with our claims, signed however the test says. */
function claims(overrides: { iss?: string; aud?: string; exp?: number } = {}) {
  const now = Math.floor(Date.now() / 1000)
  return new SignJWT({ email: USER.email })
    .setSubject(USER.id)
    .setIssuer(overrides.iss ?? ISSUER)
    .setAudience(overrides.aud ?? AUDIENCE)
    .setIssuedAt(now - 10)
    .setExpirationTime(overrides.exp ?? now + 3600)
}

async function expectUnauthorized(token: string): Promise<void> {
  const error: unknown = await service.verify(token).then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  expect(StudioError.isInstance(error)).toBe(true)
  expect(error).toMatchObject({
    code: "unauthorized",
    message: "The session token is invalid or has expired.",
  })
}

describe("createTokenService", () => {
  it("signs a token that verifies to the same user", async () => {
    const token = await service.sign(USER)
    await expect(service.verify(token)).resolves.toEqual({ userId: USER.id, email: USER.email })
  })

  it("signs HS256 with sub, issuer, audience and a 7-day expiry by default", async () => {
    const token = await service.sign(USER)
    const payload = decodeJwt(token)
    expect(JSON.parse(new TextDecoder().decode(base64url.decode(token.split(".")[0] ?? "")))).toMatchObject({
      alg: "HS256",
    })
    expect(payload).toMatchObject({ sub: USER.id, iss: ISSUER, aud: AUDIENCE, email: USER.email })
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(7 * 24 * 60 * 60)
  })

  it("accepts a secret given as bytes", async () => {
    const fromBytes = createTokenService({ secret: key, issuer: ISSUER, audience: AUDIENCE })
    await expect(fromBytes.verify(await service.sign(USER))).resolves.toMatchObject({ userId: USER.id })
  })

  it("refuses a secret shorter than 32 bytes", () => {
    expect(() => createTokenService({ secret: "short", issuer: ISSUER, audience: AUDIENCE })).toThrow(
      /at least 32 bytes/,
    )
  })

  describe("rejects", () => {
    it('an unsecured token (alg "none")', async () => {
      const now = Math.floor(Date.now() / 1000)
      const unsecured = new UnsecuredJWT({ email: USER.email })
        .setSubject(USER.id)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .encode()
      expect(unsecured.endsWith(".")).toBe(true)
      await expectUnauthorized(unsecured)
    })

    it("a good token whose header is switched to none and signature dropped", async () => {
      const [, payload] = (await service.sign(USER)).split(".")
      const header = base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }))
      await expectUnauthorized(`${header}.${payload}.`)
    })

    it("a token signed with HS512 and the right secret", async () => {
      await expectUnauthorized(await claims().setProtectedHeader({ alg: "HS512" }).sign(key))
    })

    it("a token signed with RS256 by another key pair", async () => {
      const { privateKey } = await generateKeyPair("RS256")
      await expectUnauthorized(await claims().setProtectedHeader({ alg: "RS256" }).sign(privateKey))
    })

    it("a token signed with the wrong key", async () => {
      const otherKey = new TextEncoder().encode("another-secret-that-is-long-enough-for-hs256")
      await expectUnauthorized(await claims().setProtectedHeader({ alg: "HS256" }).sign(otherKey))
    })

    it("a tampered payload (sub changed, signature kept)", async () => {
      const [header, payload, signature] = (await service.sign(USER)).split(".")
      const forged = { ...decodeJwt(`${header}.${payload}.${signature}`), sub: "admin" }
      await expectUnauthorized(`${header}.${base64url.encode(JSON.stringify(forged))}.${signature}`)
    })

    it("an expired token", async () => {
      const expired = await claims({ exp: Math.floor(Date.now() / 1000) - 60 })
        .setProtectedHeader({ alg: "HS256" })
        .sign(key)
      await expectUnauthorized(expired)
    })

    it("a token from another issuer", async () => {
      await expectUnauthorized(await claims({ iss: "evil" }).setProtectedHeader({ alg: "HS256" }).sign(key))
    })

    it("a token for another audience", async () => {
      await expectUnauthorized(
        await claims({ aud: "other-app" }).setProtectedHeader({ alg: "HS256" }).sign(key),
      )
    })

    it("a correctly signed token without an expiry", async () => {
      const forever = await new SignJWT({ email: USER.email })
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(USER.id)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .sign(key)
      await expectUnauthorized(forever)
    })

    it("a correctly signed token without an email claim", async () => {
      const now = Math.floor(Date.now() / 1000)
      const noEmail = await new SignJWT({})
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(USER.id)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + 60)
        .sign(key)
      await expectUnauthorized(noEmail)
    })

    it.each([
      "",
      "garbage",
      "a.b.c",
      "a.b",
      "....",
      "Bearer x.y.z",
      "eyJhbGciOiJIUzI1NiJ9.e30.",
      "x".repeat(5000),
    ])("the garbage string %j", async (garbage) => {
      await expectUnauthorized(garbage)
    })
  })
})
