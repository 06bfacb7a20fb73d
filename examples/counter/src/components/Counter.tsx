import { useState } from "react"
import { Plus } from "lucide-react"
export interface CounterProps {
  initial?: number
  label?: string
}
export default function Counter({ initial = 0, label = "Count" }: CounterProps) {
  const [n, setN] = useState(initial)
  return (
    <div className="p-4">
      <span>
        {label}: {n}
      </span>
      <button type="button" aria-label="Increment" onClick={() => setN(n + 1)}>
        <Plus className="h-4 w-4" />
      </button>
      <button type="button" onClick={() => setN(initial)}>
        Reset
      </button>
    </div>
  )
}
