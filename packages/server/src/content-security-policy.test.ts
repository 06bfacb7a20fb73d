import { createHash } from "node:crypto"
import { describe, expect, it } from "vitest"
import {
  previewPagePolicy,
  requestOrigin,
  scriptHash,
  serializeCsp,
  studioPagePolicy,
} from "./content-security-policy"

/** A policy as directive -> sources, to compare without caring about spacing. */
const directives = (policy: string) =>
  Object.fromEntries(
    policy.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/)
      return [name, sources]
    }),
  )

describe("serializeCsp", () => {
  it("joins directives in order", () => {
    expect(serializeCsp({ "default-src": ["'none'"], "img-src": ["data:", "blob:"] })).toBe(
      "default-src 'none'; img-src data: blob:",
    )
  })

  it("refuses a source or name that could end a directive or smuggle another in", () => {
    for (const source of ["a; script-src *", "a,b", "a b", "", "a\nb", "é"])
      expect(() => serializeCsp({ "frame-src": [source] }), JSON.stringify(source)).toThrow(
        /invalid CSP source/,
      )
    expect(() => serializeCsp({ "script-src; x": ["'self'"] })).toThrow(/invalid CSP directive name/)
  })
})

describe("requestOrigin", () => {
  it("is the origin the request was made to", () => {
    expect(requestOrigin({ protocol: "http", host: "127.0.0.1:8000" })).toBe("http://127.0.0.1:8000")
    expect(requestOrigin({ protocol: "https", host: "Studio.Example.com" })).toBe(
      "https://studio.example.com",
    )
    expect(requestOrigin({ protocol: "https", host: "studio.example.com:443" })).toBe(
      "https://studio.example.com",
    )
    expect(requestOrigin({ protocol: "http", host: "[::1]:8000" })).toBe("http://[::1]:8000")
    expect(requestOrigin({ protocol: "http", host: "localhost" })).toBe("http://localhost")
  })

  it("is undefined for a Host header that is not a plain host[:port]", () => {
    for (const host of [
      "",
      "evil.example; script-src *",
      "a.example, b.example",
      "a.example/path",
      "user@a.example",
      "a.example:99999999",
      "a b",
      "'self'",
    ])
      expect(requestOrigin({ protocol: "http", host }), host).toBeUndefined()
  })
})

describe("studioPagePolicy", () => {
  it("is the strict policy: own scripts only, frames only from the preview route of the studio's origin", () => {
    expect(studioPagePolicy("http://127.0.0.1:8000")).toBe(
      [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-src http://127.0.0.1:8000/preview/",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join("; "),
    )
  })

  it("adds the operator's other studio origins to frame-src, once each, and falls back to 'self' without one", () => {
    expect(
      directives(
        studioPagePolicy("http://10.0.0.5:8000", ["https://studio.example.com", "http://10.0.0.5:8000"]),
      )["frame-src"],
    ).toEqual(["http://10.0.0.5:8000/preview/", "https://studio.example.com/preview/"])
    expect(directives(studioPagePolicy(undefined))["frame-src"]).toEqual(["'self'"])
  })
})

describe("previewPagePolicy", () => {
  it("allows no network, only inline code, and framing only by the studio that asked", () => {
    expect(directives(previewPagePolicy("http://localhost:5173"))).toEqual({
      "default-src": ["'none'"],
      "script-src": ["'unsafe-inline'"],
      "style-src": ["'unsafe-inline'"],
      "img-src": ["data:", "blob:"],
      "font-src": ["data:"],
      "base-uri": ["'none'"],
      "form-action": ["'none'"],
      "frame-ancestors": ["http://localhost:5173"],
    })
  })
})

describe("scriptHash", () => {
  it("is CSP's sha256 source for the script's UTF-8 text", () => {
    const script = "console.log('é')"
    const digest = createHash("sha256").update(Buffer.from(script, "utf8")).digest("base64")
    expect(scriptHash(script)).toBe(`'sha256-${digest}'`)
  })
})
