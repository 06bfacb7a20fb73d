// Shared by the lazily loaded editors only: importing this module pulls CodeMirror into the bundle.
import {
  defaultHighlightStyle,
  HighlightStyle,
  syntaxHighlighting,
  type TagStyle,
} from "@codemirror/language"
import { EditorView } from "@codemirror/view"

/** The name of the keyframes the editor's "file closed" pulse uses (defined by `studioEditorTheme`). */
export const FLASH_KEYFRAMES = "studio-code-flash"

/**
 * Token colours per role, as CSS variables so one editor follows the studio between light and dark without being
 * recreated. Keys are the colours CodeMirror's default highlight style uses for each role.
 */
const TOKEN_COLOURS: Record<string, { variable: string; light: string; dark: string }> = {
  "#404740": { variable: "--code-meta", light: "#57606a", dark: "#8b949e" },
  "#708": { variable: "--code-keyword", light: "#8250df", dark: "#d2a8ff" },
  "#219": { variable: "--code-atom", light: "#0550ae", dark: "#79c0ff" },
  "#164": { variable: "--code-literal", light: "#116329", dark: "#7ee787" },
  "#a11": { variable: "--code-string", light: "#0a3069", dark: "#a5d6ff" },
  "#e40": { variable: "--code-regexp", light: "#953800", dark: "#ffa657" },
  "#00f": { variable: "--code-definition", light: "#6639ba", dark: "#d2a8ff" },
  "#30a": { variable: "--code-local", light: "#953800", dark: "#ffa657" },
  "#085": { variable: "--code-type", light: "#0550ae", dark: "#79c0ff" },
  "#167": { variable: "--code-class", light: "#953800", dark: "#ffa657" },
  "#256": { variable: "--code-special", light: "#0550ae", dark: "#79c0ff" },
  "#00c": { variable: "--code-property", light: "#0550ae", dark: "#79c0ff" },
  "#940": { variable: "--code-comment", light: "#6e7781", dark: "#8b949e" },
  "#f00": { variable: "--code-invalid", light: "#cf222e", dark: "#ff7b72" },
}

function tokenVariables(mode: "light" | "dark"): Record<string, string> {
  return Object.fromEntries(Object.values(TOKEN_COLOURS).map((entry) => [entry.variable, entry[mode]]))
}

// CodeMirror's default style covers every tag the JavaScript grammar emits; keep its roles, swap its colours.
const highlightStyle = HighlightStyle.define(
  defaultHighlightStyle.specs.map((spec): TagStyle => {
    const colour = typeof spec.color === "string" ? TOKEN_COLOURS[spec.color] : undefined
    return colour ? { ...spec, color: `var(${colour.variable})` } : spec
  }),
)

export const studioHighlighting = syntaxHighlighting(highlightStyle)

const studio = (alpha: number) => `hsl(var(--color-studio-hsl) / ${alpha})`

/** The editor's look, built from the studio's CSS variables so it is right in light and dark alike. */
export const studioEditorTheme = EditorView.theme({
  "&": {
    height: "100%",
    fontSize: "13px",
    backgroundColor: "var(--background)",
    color: "var(--foreground)",
    ...tokenVariables("light"),
  },
  ".dark &": tokenVariables("dark"),
  // A ring drawn above the sticky gutter (an inset outline would be painted under it).
  "&.cm-focused": { outline: "none" },
  "&.cm-focused::after": {
    content: '""',
    position: "absolute",
    inset: "0",
    border: `2px solid ${studio(1)}`,
    pointerEvents: "none",
    zIndex: "300",
  },
  // The page's global :focus-visible outline would be clipped inside the scroller; the editor draws its own.
  ".cm-content:focus-visible": { outline: "none" },
  ".cm-scroller": {
    overflow: "auto",
    fontFamily: 'var(--font-mono, ui-monospace, "SF Mono", Menlo, Consolas, monospace)',
    lineHeight: "1.6",
  },
  ".cm-content": { caretColor: "var(--foreground)", padding: "8px 0" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--foreground)" },
  ".cm-content ::selection, .cm-selectionBackground, &.cm-focused .cm-selectionBackground": {
    backgroundColor: studio(0.25),
  },
  ".cm-gutters": {
    backgroundColor: "var(--background)",
    color: "var(--muted-foreground)",
    borderRight: "1px solid var(--border)",
  },
  ".cm-lineNumbers .cm-gutterElement": { padding: "0 12px 0 8px" },
  ".cm-activeLine": { backgroundColor: "color-mix(in oklab, var(--muted) 55%, transparent)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--muted)", color: "var(--foreground)" },
  "&.cm-focused .cm-matchingBracket": { backgroundColor: studio(0.18), outline: `1px solid ${studio(0.5)}` },
  "&.cm-focused .cm-nonmatchingBracket": { backgroundColor: "hsl(var(--color-error-hsl) / 0.2)" },
  [`@keyframes ${FLASH_KEYFRAMES}`]: {
    from: { backgroundColor: studio(0.22) },
    to: { backgroundColor: "transparent" },
  },
})
