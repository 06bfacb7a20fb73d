import { useMemo, type ReactNode } from "react"
import { useStudioStore } from "../../state/studio-store"
import { formatUsd, pluralize } from "../run/format"
import { costByProject, toRunPoints } from "./insights-model"

/**
 * The current project's cost so far, for the studio's top bar: "$0.12 · 14,200 tokens" over its measured runs
 * (the store's observations, refreshed as runs finish); "local" or "offline, no tokens" when nothing was charged,
 * and nothing before its first run.
 */
export function ProjectCost(): ReactNode {
  const observations = useStudioStore((state) => state.observations)
  const projectId = useStudioStore((state) => state.currentProjectId)
  const figures = useMemo(() => {
    const points = toRunPoints(Object.values(observations)).filter((point) => point.projectId === projectId)
    const [cost] = costByProject(points)
    if (!cost) return undefined
    const bases = new Set(points.map((point) => point.costBasis))
    return {
      cost,
      onlyLocal: bases.size === 1 && bases.has("local"),
      onlyOffline: bases.size === 1 && bases.has("offline"),
    }
  }, [observations, projectId])
  if (!figures) return null
  const { cost, onlyLocal, onlyOffline } = figures
  const tokens = pluralize(cost.tokens, "token")
  const text =
    onlyOffline && cost.tokens === 0
      ? "offline, no tokens"
      : onlyLocal
        ? `${tokens} · local`
        : `${formatUsd(cost.costUsd)}${cost.unpricedRuns > 0 ? " +?" : ""} · ${tokens}`
  const title = [
    `This project: ${pluralize(cost.runs, "run")}, ${tokens}`,
    cost.unpricedRuns > 0 ? `${pluralize(cost.unpricedRuns, "run")} without a known price not counted` : "",
  ]
    .filter(Boolean)
    .join("; ")
  return (
    <span
      role="status"
      aria-label="Project cost"
      title={title}
      className="text-muted-foreground hidden font-mono text-xs tabular-nums sm:inline"
    >
      {text}
    </span>
  )
}
