/** The time in a zone as the clock writes it: "02:30:05" (24-hour), or "2:30:05" with its period "PM" (12-hour). */
export function clockParts(
  date: Date,
  timeZone: string,
  hour12: boolean,
  showSeconds: boolean,
): { clock: string; period: string } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timeZone || undefined,
    hour: "numeric",
    minute: "2-digit",
    second: showSeconds ? "2-digit" : undefined,
    hourCycle: hour12 ? "h12" : "h23",
  }).formatToParts(date)
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? ""
  const hour = hour12 ? part("hour") : part("hour").padStart(2, "0")
  return {
    clock: [hour, part("minute"), ...(showSeconds ? [part("second")] : [])].join(":"),
    period: hour12 ? part("dayPeriod") : "",
  }
}
