import { describe, it, expect, vi } from "vitest"
import { ERROR_CODES, StudioError, errorCodeSchema, toStudioError } from "./errors"
import type { ErrorCode } from "./errors"

const REQUIRED_CODES: ErrorCode[] = [
  "bad_request",
  "validation_failed",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "payload_too_large",
  "prompt_too_long",
  "rate_limited",
  "unsafe_path",
  "model_output_invalid",
  "model_unavailable",
  "model_error",
  "sandbox_failed",
  "sandbox_timeout",
  "sandbox_unavailable",
  "toolchain_failed",
  "plugin_unavailable",
  "cancelled",
  "interrupted",
  "unavailable",
  "config_invalid",
  "usage",
  "network",
  "response_invalid",
  "internal",
]

describe("ERROR_CODES", () => {
  it("holds every code with a sane HTTP status, WebSocket close code and default message", () => {
    expect(Object.keys(ERROR_CODES)).toEqual(expect.arrayContaining(REQUIRED_CODES))
    for (const [code, info] of Object.entries(ERROR_CODES)) {
      expect(info.httpStatus, code).toBeGreaterThanOrEqual(400)
      expect(info.httpStatus, code).toBeLessThan(600)
      const standardClose = info.wsCloseCode === 1008 || info.wsCloseCode === 1011
      expect(standardClose || (info.wsCloseCode >= 4000 && info.wsCloseCode <= 4999), code).toBe(true)
      expect(info.defaultMessage, code).not.toBe("")
    }
  })

  it("is mirrored by errorCodeSchema", () => {
    for (const code of REQUIRED_CODES) expect(errorCodeSchema.parse(code)).toBe(code)
    expect(errorCodeSchema.safeParse("teapot").success).toBe(false)
  })
})

describe("StudioError", () => {
  it("carries its code, details and status", () => {
    const error = new StudioError("unsafe_path", "Rejected path ../etc/passwd", {
      details: { path: "../etc/passwd" },
    })
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe("StudioError")
    expect(error.code).toBe("unsafe_path")
    expect(error.details).toEqual({ path: "../etc/passwd" })
    expect(error.httpStatus).toBe(400)
    expect(error.wsCloseCode).toBe(4400)
    expect(new StudioError("not_found").message).toBe(ERROR_CODES.not_found.defaultMessage)
  })

  it("derives isRetryable from the code", () => {
    const retryable = REQUIRED_CODES.filter((code) => new StudioError(code).isRetryable)
    expect(retryable.sort()).toEqual([
      "model_error",
      "model_unavailable",
      "network",
      "rate_limited",
      "unavailable",
    ])
    expect(new StudioError("rate_limited", undefined, { retryAfterMs: 30_000 }).retryAfterMs).toBe(30_000)
  })

  it("recognises instances from another copy of the module, where instanceof fails", async () => {
    vi.resetModules()
    const copy = await import("./errors")
    const foreign = new copy.StudioError("conflict")
    expect(copy.StudioError).not.toBe(StudioError)
    expect(foreign instanceof StudioError).toBe(false)
    expect(StudioError.isInstance(foreign)).toBe(true)
    expect(StudioError.isInstance(new Error("x"))).toBe(false)
    expect(StudioError.isInstance({ code: "internal" })).toBe(false)
    expect(StudioError.isInstance(null)).toBe(false)
  })

  it("shows only sanitized messages, and only for user-visible codes", () => {
    const visible = new StudioError(
      "validation_failed",
      "Bad key sk-abcdefghijklmnop in /home/ada/app/config.json",
    )
    expect(visible.toPublic()).toEqual({
      code: "validation_failed",
      message: "Bad key [redacted] in config.json",
    })
    const hidden = new StudioError("sandbox_failed", "bwrap: /usr/bin/bwrap exited 1")
    expect(hidden.toPublic()).toEqual({
      code: "sandbox_failed",
      message: ERROR_CODES.sandbox_failed.defaultMessage,
    })
  })
})

describe("toStudioError", () => {
  it("keeps StudioErrors as they are", () => {
    const error = new StudioError("conflict")
    expect(toStudioError(error)).toBe(error)
  })

  it("turns aborts into cancelled", () => {
    const controller = new AbortController()
    controller.abort()
    const aborted: unknown = (() => {
      try {
        controller.signal.throwIfAborted()
      } catch (thrown) {
        return thrown
      }
    })()
    expect(toStudioError(aborted).code).toBe("cancelled")
    expect(toStudioError(Object.assign(new Error("stop"), { name: "AbortError" })).code).toBe("cancelled")
  })

  it("turns anything else into internal, keeping the cause but never showing its message", () => {
    const original = new TypeError("cannot read x of undefined at /work/main/secret.ts")
    const error = toStudioError(original)
    expect(error.code).toBe("internal")
    expect(error.cause).toBe(original)
    expect(error.message).toBe(original.message)
    expect(error.toPublic()).toEqual({ code: "internal", message: ERROR_CODES.internal.defaultMessage })
    expect(toStudioError("plain string").message).toBe("plain string")
    expect(toStudioError(undefined).code).toBe("internal")
    expect(toStudioError(Object.create(null)).message).toContain("Non-error")
  })
})
