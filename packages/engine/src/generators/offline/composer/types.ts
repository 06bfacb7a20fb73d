/** What a button does when it is pressed, in the composer's words. */
export type ButtonAction =
  "toggle" | "dismiss" | "count" | "decrement" | "select" | "submit" | "copy" | "press"

export type InputType =
  "text" | "email" | "password" | "number" | "search" | "textarea" | "checkbox" | "select" | "range" | "radio"

/**
 * One part a prompt names, with its words. `value` is what the person can change (a label, a list's items, a
 * number): it becomes the part's prop. The rest is the part's structure, kept with the contract.
 */
export type Part =
  | { kind: "heading"; value: string }
  | { kind: "text"; value: string }
  /** `min`: the lowest a count (and the button that lowers it) may go, when the prompt states one. */
  | { kind: "button"; value: string; action: ButtonAction; min?: number }
  | { kind: "input"; value: string; type: InputType; options?: string[]; switch?: boolean }
  | { kind: "list"; value: string[]; label: string }
  | { kind: "table"; value: string[]; label: string }
  | { kind: "totals"; value: LineItem[]; tax?: number; discount?: number; subtotal: boolean }
  | { kind: "badge"; value: number; label: string }
  | {
      kind: "progress"
      value: number
      label: string
      /** A share stated as "N of M <unit>" ("3 of 10 pages"): shown in those words beside the bar. */
      of?: { total: number; unit: string }
    }
  | { kind: "meter"; value: number; label: string; strengthOf?: string }
  | { kind: "image"; value: string }
  | { kind: "avatar"; value: string }
  | { kind: "steps"; value: string[]; label: string; style: "steps" | "timeline" }
  | { kind: "tabs"; value: string[] }
  | { kind: "timer"; value: number; label: string }
  /** Labelled values the prompt asks to show ("showing the humidity, wind speed and UV index", "72% battery"). */
  | { kind: "values"; value: Row[] }

export type PartKind = Part["kind"]

export interface LineItem extends Record<string, string | number> {
  item: string
  quantity: number
  price: number
}

/** One labelled value; `value` is "—" when the prompt names the value but does not say it. */
export interface Row extends Record<string, string> {
  label: string
  value: string
}
