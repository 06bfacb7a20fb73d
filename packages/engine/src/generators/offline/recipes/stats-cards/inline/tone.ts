/** Whether a change is good news: a rise is, unless a fall is better (churn, costs); no change is neutral. */
export function toneOf(delta: number, lowerIsBetter: boolean): "good" | "bad" | "neutral" {
  if (delta === 0) return "neutral"
  return delta > 0 !== lowerIsBetter ? "good" : "bad"
}
