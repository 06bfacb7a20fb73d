import { describe, expect, it } from "vitest"
import { StudioError } from "@studio/protocol"
import { readServerConfig } from "./config"

const read = (env: Record<string, string> = {}) =>
  readServerConfig({ STUDIO_PROVIDER: "offline", ...env }, "/srv")

describe("readServerConfig: abuse limits", () => {
  it("defaults to 10 sign-ins per email and address, 100 per address, 5 sign-ups, 600 previews, 120 test runs", () => {
    expect(read().requestLimits).toEqual({
      loginPerAccount: 10,
      loginPerAddress: 100,
      registerPerAddress: 5,
      previewsPerHour: 600,
      testRunsPerHour: 120,
    })
  })

  it("reads each limit from its variable", () => {
    expect(
      read({
        STUDIO_LOGIN_RATE_LIMIT: "3",
        STUDIO_LOGIN_IP_RATE_LIMIT: "30",
        STUDIO_REGISTER_RATE_LIMIT: "2",
        STUDIO_PREVIEW_RATE_LIMIT: "50",
        STUDIO_TEST_RUN_RATE_LIMIT: "7",
      }).requestLimits,
    ).toEqual({
      loginPerAccount: 3,
      loginPerAddress: 30,
      registerPerAddress: 2,
      previewsPerHour: 50,
      testRunsPerHour: 7,
    })
  })

  it.each(["0", "-1", "1.5", "many"])("refuses a limit of %s with the variable's name", (value) => {
    expect(() => read({ STUDIO_REGISTER_RATE_LIMIT: value })).toThrow(StudioError)
    expect(() => read({ STUDIO_REGISTER_RATE_LIMIT: value })).toThrow(
      expect.objectContaining({ code: "config_invalid" }),
    )
    expect(() => read({ STUDIO_PREVIEW_RATE_LIMIT: value })).toThrow(/STUDIO_PREVIEW_RATE_LIMIT/)
  })
})

describe("readServerConfig: STUDIO_TRUST_PROXY", () => {
  it("trusts no proxy by default, or when turned off", () => {
    expect(read().trustProxy).toEqual([])
    for (const off of ["", "off", "false", "0", "OFF"])
      expect(read({ STUDIO_TRUST_PROXY: off }).trustProxy).toEqual([])
  })

  it("takes addresses, CIDR ranges and proxy-addr's named ranges, comma-separated", () => {
    expect(
      read({ STUDIO_TRUST_PROXY: "loopback, 10.0.0.0/8,192.168.1.10, fd00::/8, ::1, uniquelocal" })
        .trustProxy,
    ).toEqual(["loopback", "10.0.0.0/8", "192.168.1.10", "fd00::/8", "::1", "uniquelocal"])
  })

  it.each(["true", "1", "*", "example.com", "10.0.0.0/33", "::/129", "10.0.0.0/8/1", "10.0.0.300"])(
    "refuses %s, naming the entry",
    (value) => {
      expect(() => read({ STUDIO_TRUST_PROXY: value })).toThrow(/STUDIO_TRUST_PROXY: .*must be an IP address/)
    },
  )
})
