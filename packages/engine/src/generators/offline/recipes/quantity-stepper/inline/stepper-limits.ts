/** The range a stepper keeps to (min and max in either order, a step of at least 1) and how it rounds into it. */
export function stepperLimits(
  min: number,
  max: number,
  step: number,
): { lowest: number; highest: number; notch: number; clamp: (value: number) => number } {
  const lowest = Math.min(min, max)
  const highest = Math.max(min, max)
  const notch = step > 0 ? step : 1
  const clamp = (value: number) =>
    Math.min(Math.max(Math.round((value - lowest) / notch) * notch + lowest, lowest), highest)
  return { lowest, highest, notch, clamp }
}
