import type { StudioEvent } from "@studio/protocol"
import type { RunEventBus } from "./run-queue"

type Listener = (event: StudioEvent) => void

/** The in-process RunEventBus (the embedded default): a run's events go to the listeners in this process. */
export function createMemoryEventBus(): RunEventBus {
  const listeners = new Map<string, Set<Listener>>()
  return {
    async publish(event) {
      // A copy: a listener that unsubscribes while it is called does not skip the next one.
      for (const listener of [...(listeners.get(event.runId) ?? [])]) listener(event)
    },
    async subscribe(runId, listener) {
      const forRun = listeners.get(runId) ?? new Set()
      listeners.set(runId, forRun)
      // Each subscription is its own entry, even when the same function subscribes twice.
      const entry: Listener = (event) => listener(event)
      forRun.add(entry)
      return () => {
        forRun.delete(entry)
        if (forRun.size === 0 && listeners.get(runId) === forRun) listeners.delete(runId)
      }
    },
    async close() {
      listeners.clear()
    },
  }
}
