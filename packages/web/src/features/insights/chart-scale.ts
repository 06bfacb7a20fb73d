/** A y axis from 0: a round top value and the tick values under it. */
export interface LinearScale {
  max: number
  ticks: number[]
}

/**
 * Picks a round axis top (steps of 1, 2, 2.5 or 5 times a power of ten) that covers `maxValue`; `integer` keeps the
 * steps whole for counts.
 */
export function niceScale(maxValue: number, { tickCount = 4, integer = false } = {}): LinearScale {
  if (!(maxValue > 0) || !Number.isFinite(maxValue)) return { max: 1, ticks: [0, 1] }
  const rawStep = maxValue / tickCount
  const magnitude = 10 ** Math.floor(Math.log10(rawStep))
  const candidates = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude)
  const nice = candidates.find(
    (candidate) => candidate >= rawStep && (!integer || Number.isInteger(candidate)),
  )
  const step = integer ? Math.max(1, nice ?? Math.ceil(rawStep)) : nice!
  const steps = Math.ceil(maxValue / step - 1e-9)
  // toPrecision drops float noise such as 0.30000000000000004.
  const tick = (index: number) => Number((step * index).toPrecision(12))
  return { max: tick(steps), ticks: Array.from({ length: steps + 1 }, (_, index) => tick(index)) }
}

/** Which of `count` bars get an x label, so that at most about `maxLabels` are drawn (always the last). */
export function labelledIndexes(count: number, maxLabels = 10): Set<number> {
  const every = Math.max(1, Math.ceil(count / maxLabels))
  const indexes = new Set<number>()
  for (let index = count - 1; index >= 0; index -= every) indexes.add(index)
  return indexes
}
