/**
 * The held-out corpus: prompts for things no offline recipe was written for, with the parts each result must show.
 * It is written apart from the composer and must never tune it: a rule that only helps one of these prompts is
 * not a rule. A part is checked in the rendered preview (the esbuild bundle in a happy-dom window), with
 * Testing Library's queries, so it counts only when a person would see it.
 */
export interface HeldOutEntry {
  prompt: string
  parts: readonly HeldOutPart[]
}

/** Roles as Testing Library computes them (implicit or explicit). */
export type PartRole =
  | "button"
  | "link"
  | "textbox"
  | "searchbox"
  | "spinbutton"
  | "checkbox"
  | "radio"
  | "switch"
  | "combobox"
  | "slider"
  | "progressbar"
  | "meter"
  | "img"
  | "heading"
  | "listitem"
  | "row"
  | "columnheader"
  | "tab"

export type HeldOutPart =
  /**
   * An element with one of these roles, whose accessible name contains one of `name` (case-insensitive) when given;
   * at least `min` of them (default 1).
   */
  | { role: PartRole | readonly PartRole[]; name?: string | readonly string[]; min?: number }
  /** A form control labelled with one of these (case-insensitive substring), whatever its role (password inputs have none). */
  | { label: string | readonly string[] }
  /** Visible text containing one of these (case-insensitive), e.g. a computed total. */
  | { text: string | readonly string[] }
