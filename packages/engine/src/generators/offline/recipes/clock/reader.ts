import { capitalize, mentions, type PromptFacts } from "../../facts"

/** A place the clock shows, flat so it can live in a contract's JSON default. */
export interface Zone extends Record<string, string | number | boolean> {
  label: string
  timeZone: string
}

const ZONES: Record<string, string> = {
  london: "Europe/London",
  uk: "Europe/London",
  dublin: "Europe/Dublin",
  lisbon: "Europe/Lisbon",
  paris: "Europe/Paris",
  berlin: "Europe/Berlin",
  madrid: "Europe/Madrid",
  barcelona: "Europe/Madrid",
  rome: "Europe/Rome",
  milan: "Europe/Rome",
  amsterdam: "Europe/Amsterdam",
  brussels: "Europe/Brussels",
  zurich: "Europe/Zurich",
  vienna: "Europe/Vienna",
  stockholm: "Europe/Stockholm",
  oslo: "Europe/Oslo",
  copenhagen: "Europe/Copenhagen",
  helsinki: "Europe/Helsinki",
  warsaw: "Europe/Warsaw",
  prague: "Europe/Prague",
  athens: "Europe/Athens",
  istanbul: "Europe/Istanbul",
  moscow: "Europe/Moscow",
  kyiv: "Europe/Kyiv",
  cairo: "Africa/Cairo",
  lagos: "Africa/Lagos",
  nairobi: "Africa/Nairobi",
  johannesburg: "Africa/Johannesburg",
  dubai: "Asia/Dubai",
  mumbai: "Asia/Kolkata",
  delhi: "Asia/Kolkata",
  "new delhi": "Asia/Kolkata",
  bangalore: "Asia/Kolkata",
  bengaluru: "Asia/Kolkata",
  india: "Asia/Kolkata",
  karachi: "Asia/Karachi",
  dhaka: "Asia/Dhaka",
  bangkok: "Asia/Bangkok",
  jakarta: "Asia/Jakarta",
  singapore: "Asia/Singapore",
  "kuala lumpur": "Asia/Kuala_Lumpur",
  manila: "Asia/Manila",
  "hong kong": "Asia/Hong_Kong",
  beijing: "Asia/Shanghai",
  shanghai: "Asia/Shanghai",
  shenzhen: "Asia/Shanghai",
  taipei: "Asia/Taipei",
  seoul: "Asia/Seoul",
  tokyo: "Asia/Tokyo",
  osaka: "Asia/Tokyo",
  sydney: "Australia/Sydney",
  melbourne: "Australia/Melbourne",
  brisbane: "Australia/Brisbane",
  perth: "Australia/Perth",
  auckland: "Pacific/Auckland",
  honolulu: "Pacific/Honolulu",
  anchorage: "America/Anchorage",
  "los angeles": "America/Los_Angeles",
  la: "America/Los_Angeles",
  "san francisco": "America/Los_Angeles",
  sf: "America/Los_Angeles",
  seattle: "America/Los_Angeles",
  vancouver: "America/Vancouver",
  denver: "America/Denver",
  phoenix: "America/Phoenix",
  chicago: "America/Chicago",
  austin: "America/Chicago",
  dallas: "America/Chicago",
  houston: "America/Chicago",
  "mexico city": "America/Mexico_City",
  "new york": "America/New_York",
  nyc: "America/New_York",
  boston: "America/New_York",
  miami: "America/New_York",
  washington: "America/New_York",
  atlanta: "America/New_York",
  toronto: "America/Toronto",
  montreal: "America/Toronto",
  bogota: "America/Bogota",
  lima: "America/Lima",
  santiago: "America/Santiago",
  "buenos aires": "America/Argentina/Buenos_Aires",
  "sao paulo": "America/Sao_Paulo",
  "são paulo": "America/Sao_Paulo",
  "rio de janeiro": "America/Sao_Paulo",
  utc: "UTC",
  gmt: "UTC",
}

const DEFAULT_ZONES: Zone[] = [
  { label: "London", timeZone: "Europe/London" },
  { label: "New York", timeZone: "America/New_York" },
  { label: "Tokyo", timeZone: "Asia/Tokyo" },
]

function labelOf(city: string): string {
  const lower = city.toLowerCase()
  if (["utc", "gmt", "uk", "nyc", "la", "sf"].includes(lower)) return city.toUpperCase()
  return city
    .split(" ")
    .map((word) => capitalize(word))
    .join(" ")
}

function zoneFor(city: string): Zone | undefined {
  const cleaned = city
    .replace(/\s+(?:time|times|timezone|time zone)s?$/i, "")
    .replace(/^(?:in|for)\s+/i, "")
    .trim()
  const timeZone = ZONES[cleaned.toLowerCase()]
  if (timeZone) return { label: labelOf(cleaned), timeZone }
  // An IANA name written as is: "Europe/Berlin".
  if (/^[A-Z][a-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?$/.test(cleaned))
    return { label: cleaned.split("/").pop()!.replace(/_/g, " "), timeZone: cleaned }
  return undefined
}

/** The places the text names (a list of cities, else cities anywhere, in the order written), at most eight. */
export function zonesIn(facts: PromptFacts): Zone[] {
  for (const list of facts.lists) {
    const zones = list.map(zoneFor).filter((zone): zone is Zone => zone !== undefined)
    if (zones.length >= 2) return zones.slice(0, 8)
  }
  // City names anywhere in the prompt, in the order written.
  const found: { at: number; zone: Zone }[] = []
  for (const city of Object.keys(ZONES)) {
    if (city.length <= 3) continue
    const at = facts.lower.search(new RegExp(`\\b${city}\\b`))
    if (at >= 0 && !found.some((item) => item.zone.timeZone === ZONES[city])) {
      found.push({ at, zone: { label: labelOf(city), timeZone: ZONES[city]! } })
    }
  }
  return found
    .sort((a, b) => a.at - b.at)
    .map((item) => item.zone)
    .slice(0, 8)
}

/** Whether the prompt asks for a world clock (time zones, cities, or two places or more). */
export function isWorld(facts: PromptFacts): boolean {
  return (
    mentions(
      facts,
      "world clock",
      "world clocks",
      "time zones",
      "timezones",
      "time zone",
      "timezone",
      "cities",
    ) || zonesIn(facts).length >= 2
  )
}

/** 12-hour (true) or 24-hour (false) when the text says which. */
export function hour12Of(facts: PromptFacts): boolean | undefined {
  if (/\b24[\s-]?(?:h|hr|hrs|hour)s?\b|\bmilitary time\b/.test(facts.lower)) return false
  if (/\b12[\s-]?(?:h|hr|hrs|hour)s?\b|\bam\/pm\b|\bam and pm\b/.test(facts.lower)) return true
  return undefined
}

/** Seconds shown or not when the text says which. */
export function secondsOf(facts: PromptFacts): boolean | undefined {
  if (/\b(?:no|without|hide|drop|remove)\s+(?:the\s+)?seconds\b/.test(facts.lower)) return false
  if (/\b(?:with|show|add|include)\s+(?:the\s+)?seconds\b/.test(facts.lower)) return true
  return undefined
}

/** The places (a world clock's cities, or a single clock's one place), the heading and the format. */
export function readClock(facts: PromptFacts): {
  zones: Zone[]
  title: string
  hour12: boolean
  showSeconds: boolean
  showDate: boolean
  layout: "single" | "world"
} {
  const world = isWorld(facts)
  const found = zonesIn(facts)
  return {
    zones: world ? (found.length > 0 ? found : DEFAULT_ZONES) : [found[0] ?? { label: "", timeZone: "" }],
    title: facts.quoted[0] ?? (world ? "World clock" : (found[0]?.label ?? "")),
    hour12: hour12Of(facts) ?? true,
    showSeconds: secondsOf(facts) ?? true,
    showDate: !/\b(?:no|without)\s+(?:the\s+)?dates?\b/.test(facts.lower),
    layout: world ? "world" : "single",
  }
}
