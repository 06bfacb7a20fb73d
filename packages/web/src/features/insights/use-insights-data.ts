import type { Observation } from "@studio/protocol"
import { useCallback, useEffect, useState } from "react"
import { ApiRequestError } from "../../services/api-client"
import { useServices } from "../../services/services-context"

export type InsightsData =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; observations: Observation[]; projectNames: Record<string, string> }

/** Loads the user's observations (and project names for the runs table); `reload` tries again after a failure. */
export function useInsightsData(): {
  data: InsightsData
  reload: () => void
  recordVote: (observationId: string, value: 1 | -1) => void
} {
  const { api } = useServices()
  const [data, setData] = useState<InsightsData>({ status: "loading" })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    // Names only label the table: without them the page still shows every number.
    Promise.all([api.listObservations(), api.listProjects().catch(() => [])]).then(
      ([observations, projects]) => {
        if (!current) return
        const projectNames = Object.fromEntries(projects.map((project) => [project.id, project.name]))
        setData({ status: "ready", observations, projectNames })
      },
      (error: unknown) => {
        if (!current) return
        setData({
          status: "error",
          message:
            error instanceof ApiRequestError
              ? error.message
              : "Something went wrong while loading your runs.",
        })
      },
    )
    return () => {
      current = false
    }
  }, [api, attempt])

  const reload = useCallback(() => {
    setData({ status: "loading" })
    setAttempt((count) => count + 1)
  }, [])

  const recordVote = useCallback((observationId: string, value: 1 | -1) => {
    setData((state) =>
      state.status === "ready"
        ? {
            ...state,
            observations: state.observations.map((observation) =>
              observation.id === observationId ? { ...observation, userSatisfaction: value } : observation,
            ),
          }
        : state,
    )
  }, [])

  return { data, reload, recordVote }
}
