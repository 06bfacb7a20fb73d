/** A message's time as the chat writes it, "2:05 PM" (its own format: no locale-specific spaces). */
export function clockText(hours: number, minutes: number): string {
  return `${hours % 12 === 0 ? 12 : hours % 12}:${String(minutes).padStart(2, "0")} ${hours < 12 ? "AM" : "PM"}`
}
