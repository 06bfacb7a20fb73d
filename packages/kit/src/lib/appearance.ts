import type { CSSProperties } from "react"
import { cn } from "./utils"

export const SIZES = ["sm", "md", "lg"] as const
export type Size = (typeof SIZES)[number]
export const RADII = ["none", "sm", "md", "lg", "xl"] as const
export type Radius = (typeof RADII)[number]

export interface AppearanceOptions {
  /** A hex colour for primary actions and focus rings; empty keeps the theme's. */
  accent?: string
  /** Renders the component on the dark theme. */
  dark?: boolean
  size?: Size
  radius?: Radius
}

const SIZE_CLASSES: Record<Size, string> = {
  sm: "[zoom:0.875]",
  md: "",
  lg: "[zoom:1.25]",
}

const RADIUS_VALUES: Record<Radius, string> = {
  none: "0px",
  sm: "0.375rem",
  md: "0.625rem",
  lg: "0.875rem",
  xl: "1.25rem",
}

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i

/** The root class names and CSS variables for an accent colour, a theme, a size and a corner radius. */
export function appearance({ accent = "", dark = false, size = "md", radius = "md" }: AppearanceOptions): {
  className: string
  style: CSSProperties
} {
  const style: Record<string, string> = {}
  if (HEX.test(accent)) {
    style["--primary"] = accent
    style["--primary-foreground"] = readableOn(accent)
    style["--ring"] = accent
  }
  if (radius !== "md") style["--radius"] = RADIUS_VALUES[radius] ?? RADIUS_VALUES.md
  return {
    className: cn("bg-background text-foreground", dark && "dark", SIZE_CLASSES[size]),
    style: style as CSSProperties,
  }
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function readableOn(hex: string): string {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((digit) => digit + digit).join("") : hex.slice(1)
  const [r, g, b] = [0, 2, 4].map((start) => {
    const channel = parseInt(digits.slice(start, start + 2), 16) / 255
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
  return luminance > 0.179 ? "#0a0a0a" : "#ffffff"
}
