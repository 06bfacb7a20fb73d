import { describe, expect, it } from "vitest"
import { clientAddressKey } from "./client-address"

describe("clientAddressKey", () => {
  it("keeps an IPv4 address as it is", () => {
    expect(clientAddressKey("203.0.113.7")).toBe("203.0.113.7")
    expect(clientAddressKey("127.0.0.1")).toBe("127.0.0.1")
  })

  it("reads an IPv4-mapped IPv6 address as its IPv4 address, in any spelling", () => {
    expect(clientAddressKey("::ffff:203.0.113.7")).toBe("203.0.113.7")
    expect(clientAddressKey("::FFFF:cb00:7107")).toBe("203.0.113.7")
    expect(clientAddressKey("0:0:0:0:0:ffff:203.0.113.7")).toBe("203.0.113.7")
  })

  it("counts a whole IPv6 /64 as one client, however the address is written", () => {
    const key = "2001:db8:1:2::/64"
    for (const address of [
      "2001:db8:1:2::1",
      "2001:db8:1:2:ffff:ffff:ffff:ffff",
      "2001:0DB8:0001:0002:0000:0000:0000:0009",
      "2001:db8:1:2:0:0:10.0.0.1",
      "2001:db8:1:2::1%eth0",
    ]) {
      expect(clientAddressKey(address), address).toBe(key)
    }
    expect(clientAddressKey("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64")
    expect(clientAddressKey("::1")).toBe("0:0:0:0::/64")
    expect(clientAddressKey("fe80::1%lo0")).toBe("fe80:0:0:0::/64")
  })

  it("gives callers without an address one shared key, never an empty one", () => {
    expect(clientAddressKey("")).toBe("unknown")
    expect(clientAddressKey(undefined)).toBe("unknown")
    expect(clientAddressKey("Not-An-IP")).toBe("not-an-ip")
  })
})
