import type { PromptFacts } from "../../facts"

/** A unit: value in the base unit = (value + offset) × factor. */
export interface Unit extends Record<string, string | number | boolean> {
  id: string
  label: string
  factor: number
  offset: number
}

export type Quantity = "temperature" | "length" | "weight" | "volume" | "currency"

/** The units of each quantity; currencies at fixed example rates in US dollars. */
export const UNITS: Record<Quantity, Unit[]> = {
  temperature: [
    { id: "°C", label: "Celsius", factor: 1, offset: 0 },
    { id: "°F", label: "Fahrenheit", factor: 5 / 9, offset: -32 },
    { id: "K", label: "Kelvin", factor: 1, offset: -273.15 },
  ],
  length: [
    { id: "mm", label: "Millimetres", factor: 0.001, offset: 0 },
    { id: "cm", label: "Centimetres", factor: 0.01, offset: 0 },
    { id: "m", label: "Metres", factor: 1, offset: 0 },
    { id: "km", label: "Kilometres", factor: 1000, offset: 0 },
    { id: "in", label: "Inches", factor: 0.0254, offset: 0 },
    { id: "ft", label: "Feet", factor: 0.3048, offset: 0 },
    { id: "yd", label: "Yards", factor: 0.9144, offset: 0 },
    { id: "mi", label: "Miles", factor: 1609.344, offset: 0 },
  ],
  weight: [
    { id: "g", label: "Grams", factor: 0.001, offset: 0 },
    { id: "kg", label: "Kilograms", factor: 1, offset: 0 },
    { id: "oz", label: "Ounces", factor: 0.028349523125, offset: 0 },
    { id: "lb", label: "Pounds", factor: 0.45359237, offset: 0 },
    { id: "st", label: "Stone", factor: 6.35029318, offset: 0 },
  ],
  volume: [
    { id: "ml", label: "Millilitres", factor: 0.001, offset: 0 },
    { id: "l", label: "Litres", factor: 1, offset: 0 },
    { id: "cup", label: "Cups (US)", factor: 0.2365882365, offset: 0 },
    { id: "fl oz", label: "Fluid ounces (US)", factor: 0.0295735295625, offset: 0 },
    { id: "gal", label: "Gallons (US)", factor: 3.785411784, offset: 0 },
  ],
  // Example rates in US dollars per unit: fixed, not live.
  currency: [
    { id: "USD", label: "US dollar", factor: 1, offset: 0 },
    { id: "EUR", label: "Euro", factor: 1.08, offset: 0 },
    { id: "GBP", label: "British pound", factor: 1.27, offset: 0 },
    { id: "JPY", label: "Japanese yen", factor: 0.0067, offset: 0 },
    { id: "CAD", label: "Canadian dollar", factor: 0.73, offset: 0 },
    { id: "AUD", label: "Australian dollar", factor: 0.66, offset: 0 },
    { id: "INR", label: "Indian rupee", factor: 0.012, offset: 0 },
  ],
}

// Words that name a unit, to find "from" and "to" in the order written.
export const UNIT_WORDS: Record<Quantity, [RegExp, string][]> = {
  temperature: [
    [/\b(?:celsius|centigrade|°c)\b|°c/, "°C"],
    [/\b(?:fahrenheit|°f)\b|°f/, "°F"],
    [/\bkelvin\b/, "K"],
  ],
  length: [
    [/\b(?:millimet(?:er|re)s?|mm)\b/, "mm"],
    [/\b(?:centimet(?:er|re)s?|cm)\b/, "cm"],
    [/\b(?:kilomet(?:er|re)s?|km|kms)\b/, "km"],
    [/\b(?:met(?:er|re)s?)\b/, "m"],
    [/\b(?:inch|inches)\b/, "in"],
    [/\b(?:feet|foot|ft)\b/, "ft"],
    [/\b(?:yards?|yd)\b/, "yd"],
    [/\b(?:miles?|mi)\b/, "mi"],
  ],
  weight: [
    [/\b(?:kilograms?|kilos?|kg|kgs)\b/, "kg"],
    [/\b(?:grams?|g)\b/, "g"],
    [/\b(?:ounces?|oz)\b/, "oz"],
    [/\b(?:pounds?|lbs?)\b/, "lb"],
    [/\bstones?\b/, "st"],
  ],
  volume: [
    [/\b(?:millilit(?:er|re)s?|ml)\b/, "ml"],
    [/\b(?:lit(?:er|re)s?|l)\b/, "l"],
    [/\bcups?\b/, "cup"],
    [/\bfl(?:uid)? oz\b/, "fl oz"],
    [/\bgallons?\b/, "gal"],
  ],
  currency: [
    [/\b(?:usd|us dollars?|dollars?)\b|\$/, "USD"],
    [/\b(?:eur|euros?)\b|€/, "EUR"],
    [/\b(?:gbp|british pounds?|pounds? sterling|sterling)\b|£/, "GBP"],
    [/\b(?:jpy|yen)\b|¥/, "JPY"],
    [/\b(?:cad|canadian dollars?)\b/, "CAD"],
    [/\b(?:aud|australian dollars?)\b/, "AUD"],
    [/\b(?:inr|rupees?)\b|₹/, "INR"],
  ],
}

const DEFAULTS: Record<
  Quantity,
  { from: string; to: string; value: number; decimals: number; title: string }
> = {
  temperature: { from: "°C", to: "°F", value: 20, decimals: 1, title: "Temperature converter" },
  length: { from: "km", to: "mi", value: 10, decimals: 2, title: "Length converter" },
  weight: { from: "kg", to: "lb", value: 1, decimals: 2, title: "Weight converter" },
  volume: { from: "l", to: "gal", value: 1, decimals: 2, title: "Volume converter" },
  currency: { from: "USD", to: "EUR", value: 100, decimals: 2, title: "Currency converter" },
}

function quantityOf(facts: PromptFacts): Quantity {
  const text = facts.lower
  if (/\b(?:temperature|celsius|fahrenheit|kelvin|centigrade)\b|°[cf]/.test(text)) return "temperature"
  if (
    /\b(?:currency|currencies|exchange|forex|fx|usd|eur|gbp|jpy|euros?|dollars?|yen|rupees?)\b|[$€£¥₹]/.test(
      text,
    )
  )
    return "currency"
  if (/\b(?:weight|mass|kilograms?|kilos?|kg|grams?|ounces?|oz|lbs?|stones?)\b/.test(text)) return "weight"
  if (/\b(?:volume|lit(?:er|re)s?|millilit(?:er|re)s?|gallons?|cups?)\b/.test(text)) return "volume"
  if (/\bpounds?\b/.test(text)) return "weight"
  return "length"
}

function endpoints(facts: PromptFacts, quantity: Quantity): { from: string; to: string } {
  const found: { at: number; id: string }[] = []
  for (const [pattern, id] of UNIT_WORDS[quantity]) {
    const match = new RegExp(pattern.source, "g").exec(facts.lower)
    if (match && !found.some((item) => item.id === id)) found.push({ at: match.index, id })
  }
  found.sort((a, b) => a.at - b.at)
  const defaults = DEFAULTS[quantity]
  const from = found[0]?.id ?? defaults.from
  const to = found[1]?.id ?? (from === defaults.to ? defaults.from : defaults.to)
  return { from, to: to === from ? (UNITS[quantity].find((unit) => unit.id !== from)?.id ?? to) : to }
}

function initialValueOf(facts: PromptFacts, quantity: Quantity): number {
  if (quantity === "currency" && facts.amounts[0] !== undefined) return facts.amounts[0]
  const match =
    /\b(?:starts? (?:at|with)|default(?:s)? (?:to|of)|initial(?:ly)?(?: value)?(?: of)?)\s+(-?\d+(?:\.\d+)?)/.exec(
      facts.lower,
    )
  return match ? Number(match[1]) : DEFAULTS[quantity].value
}

/** The component's name for the quantity: a currency or temperature converter, else a unit converter. */
export function nameFor(facts: PromptFacts): string {
  const quantity = quantityOf(facts)
  if (quantity === "temperature") return "TemperatureConverter"
  if (quantity === "currency") return "CurrencyConverter"
  return "UnitConverter"
}

/** The quantity's units, the two the prompt names (in its order) or the usual pair, the first amount and the heading. */
export function readUnitConverter(facts: PromptFacts): {
  units: Unit[]
  from: string
  to: string
  initialValue: number
  decimals: number
  title: string
  note: string
} {
  const quantity = quantityOf(facts)
  const { from, to } = endpoints(facts, quantity)
  const defaults = DEFAULTS[quantity]
  return {
    units: UNITS[quantity],
    from,
    to,
    initialValue: initialValueOf(facts, quantity),
    decimals: defaults.decimals,
    title: facts.quoted[0] ?? defaults.title,
    note: quantity === "currency" ? "Example rates for illustration only — not live exchange rates." : "",
  }
}
