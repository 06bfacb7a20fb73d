/** What an invalid hex value is told. */
export const HEX_ERROR = "Enter a hex value like #2563eb"

/** "#ABC", "abc", "#aabbcc" → "#aabbcc"; anything else → undefined. */
export function normaliseHex(value: string): string | undefined {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim())
  const digits = match?.[1]
  if (!digits) return undefined
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join("") : digits
  return `#${full.toLowerCase()}`
}

/** The preview's line: the swatch's name and the hex ("Blue · #2563eb"), or "Custom · #ff8800". */
export function previewText(name: string | undefined, hex: string): string {
  return `${name ?? "Custom"} · ${hex}`
}
