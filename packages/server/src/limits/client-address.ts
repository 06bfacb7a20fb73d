import { isIPv4, isIPv6 } from "node:net"

/**
 * The key a per-address limit counts under: an IPv4 address as it is (an IPv4-mapped IPv6 one as IPv4), an IPv6
 * address by its /64 network, because one host is routinely given a whole /64 and could otherwise take a fresh
 * budget with every address in it.
 */
export function clientAddressKey(ip: string | undefined): string {
  const address = (ip ?? "").trim().replace(/%.*$/, "") // a zone index (fe80::1%eth0) names an interface, not a host
  // Node leaves the address unset once the socket is gone; such callers share one budget rather than none.
  if (address === "") return "unknown"
  if (isIPv4(address)) return address
  if (!isIPv6(address)) return address.toLowerCase()
  const groups = ipv6Groups(address)
  const mapped = groups.slice(0, 6).every((group, index) => group === (index === 5 ? 0xffff : 0))
  if (mapped) {
    const [high, low] = [groups[6] ?? 0, groups[7] ?? 0]
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".")
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`
}

/** The eight 16-bit groups of a valid IPv6 address, `::` expanded and a dotted IPv4 tail turned into two groups. */
function ipv6Groups(address: string): number[] {
  const parse = (part: string): number[] => {
    if (part === "") return []
    return part.split(":").flatMap((group) => {
      if (!group.includes(".")) return [Number.parseInt(group, 16)]
      const [a = 0, b = 0, c = 0, d = 0] = group.split(".").map(Number)
      return [(a << 8) | b, (c << 8) | d]
    })
  }
  const [head = "", tail] = address.toLowerCase().split("::")
  const start = parse(head)
  if (tail === undefined) return start
  const end = parse(tail)
  return [...start, ...Array<number>(8 - start.length - end.length).fill(0), ...end]
}
