import { useEffect, useState } from "react"

/** The current time, ticking every `everyMs` while `active` (for live elapsed clocks). */
export function useNow(active: boolean, everyMs = 200): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [active, everyMs])
  return now
}
