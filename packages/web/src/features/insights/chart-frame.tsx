import { useId, useState, type KeyboardEvent, type ReactNode } from "react"
import { cn } from "@studio/kit/lib/utils"
import { labelledIndexes, type LinearScale } from "./chart-scale"

// Every chart draws in the same coordinate space and scales to its container through the viewBox.
export const VIEW_WIDTH = 640
export const VIEW_HEIGHT = 220
export const MARGIN = { top: 12, right: 12, bottom: 26, left: 56 } as const
export const PLOT_WIDTH = VIEW_WIDTH - MARGIN.left - MARGIN.right
export const PLOT_HEIGHT = VIEW_HEIGHT - MARGIN.top - MARGIN.bottom
const PLOT_BOTTOM = MARGIN.top + PLOT_HEIGHT

/** Where bar `index` of `count` sits: its band's left edge, centre and the bar's width. */
export function barGeometry(index: number, count: number): { x: number; center: number; width: number } {
  const band = PLOT_WIDTH / Math.max(count, 1)
  const width = Math.min(band * 0.7, 36)
  const center = MARGIN.left + band * (index + 0.5)
  return { x: center - width / 2, center, width }
}

/** The y coordinate of `value` on a scale from 0 to `max`. */
export function yOf(value: number, max: number): number {
  return PLOT_BOTTOM - (Math.max(0, value) / max) * PLOT_HEIGHT
}

/** Height of a bar for `value`. */
export function heightOf(value: number, max: number): number {
  return (Math.max(0, value) / max) * PLOT_HEIGHT
}

export interface LegendItem {
  label: string
  color: string
  /** "bar" draws a square swatch, "line" a short stroke. */
  shape?: "bar" | "line"
}

export interface ChartFrameProps {
  title: string
  description?: string
  /** One sentence for screen readers that says what the chart shows. */
  summary: string
  /** Run labels along the x axis ("#12"), one per bar. */
  xLabels: string[]
  scale: LinearScale
  formatTick: (value: number) => string
  legend?: LegendItem[]
  /** The tooltip content for the bar under the pointer or keyboard. */
  renderTooltip: (index: number) => ReactNode
  /** The same data as a table, for screen readers. */
  dataTable: ReactNode
  /** The marks, drawn inside the plot (coordinates from `barGeometry`, `yOf`). */
  children: (activeIndex: number | null) => ReactNode
  className?: string
}

/**
 * A chart's shared frame: figure and caption, axes and grid, the hover/keyboard tooltip, the legend and the
 * screen-reader table. The plot itself is an image to assistive technology; the table carries the numbers.
 */
export function ChartFrame({
  title,
  description,
  summary,
  xLabels,
  scale,
  formatTick,
  legend,
  renderTooltip,
  dataTable,
  children,
  className,
}: ChartFrameProps) {
  const count = xLabels.length
  const [activeIndex, setActiveIndex] = useState<number | null>(null)
  const hintId = useId()
  const titleId = useId()
  const labelled = labelledIndexes(count)
  const active = activeIndex !== null && activeIndex < count ? activeIndex : null

  function moveWithKeys(event: KeyboardEvent<HTMLDivElement>) {
    if (count === 0) return
    const current = active ?? count - 1
    const next: Record<string, number | null> = {
      ArrowLeft: Math.max(0, current - 1),
      ArrowRight: Math.min(count - 1, current + 1),
      Home: 0,
      End: count - 1,
      Escape: null,
    }
    if (!(event.key in next)) return
    event.preventDefault()
    setActiveIndex(next[event.key] ?? null)
  }

  const tooltipLeftPercent = active === null ? 0 : (barGeometry(active, count).center / VIEW_WIDTH) * 100

  return (
    <figure aria-labelledby={titleId} className={cn("flex min-w-0 flex-col gap-3", className)}>
      <figcaption className="flex flex-col gap-1">
        <span id={titleId} className="text-sm font-semibold">
          {title}
        </span>
        {description ? <span className="text-muted-foreground text-xs">{description}</span> : null}
      </figcaption>
      <div
        className="relative rounded-md"
        role="group"
        aria-label={`${title}, run by run`}
        aria-describedby={count > 0 ? hintId : undefined}
        tabIndex={count > 0 ? 0 : undefined}
        onKeyDown={moveWithKeys}
        onFocus={() => setActiveIndex((index) => index ?? (count > 0 ? count - 1 : null))}
        onBlur={() => setActiveIndex(null)}
        onPointerLeave={() => setActiveIndex(null)}
      >
        {count > 0 ? (
          <span id={hintId} className="sr-only">
            Use the left and right arrow keys to read each run.
          </span>
        ) : null}
        <svg
          role="img"
          aria-label={summary}
          viewBox={`0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`}
          className="h-auto w-full overflow-visible"
        >
          {scale.ticks.map((tick) => (
            <g key={tick}>
              <line
                x1={MARGIN.left}
                x2={VIEW_WIDTH - MARGIN.right}
                y1={yOf(tick, scale.max)}
                y2={yOf(tick, scale.max)}
                className="stroke-border"
                strokeDasharray={tick === 0 ? undefined : "3 3"}
              />
              <text
                x={MARGIN.left - 8}
                y={yOf(tick, scale.max)}
                textAnchor="end"
                dominantBaseline="middle"
                className="fill-muted-foreground text-[11px]"
              >
                {formatTick(tick)}
              </text>
            </g>
          ))}
          {xLabels.map((label, index) =>
            labelled.has(index) ? (
              <text
                key={`${label}-${index}`}
                x={barGeometry(index, count).center}
                y={VIEW_HEIGHT - 6}
                textAnchor="middle"
                className="fill-muted-foreground text-[11px]"
              >
                {label}
              </text>
            ) : null,
          )}
          {xLabels.map((label, index) => {
            const band = PLOT_WIDTH / count
            return (
              <rect
                key={`hit-${label}-${index}`}
                data-testid="chart-hit-area"
                x={MARGIN.left + band * index}
                y={MARGIN.top}
                width={band}
                height={PLOT_HEIGHT}
                className={active === index ? "fill-muted" : "fill-transparent"}
                onPointerEnter={() => setActiveIndex(index)}
              />
            )
          })}
          {/* Marks ignore the pointer so the band under them decides which run is shown. */}
          <g pointerEvents="none">{children(active)}</g>
        </svg>
        {active !== null ? (
          <div
            role="status"
            className={cn(
              "bg-popover text-popover-foreground pointer-events-none absolute top-0 z-10 min-w-36 rounded-md border px-3 py-2 text-xs shadow-md",
              tooltipLeftPercent < 30
                ? "translate-x-0"
                : tooltipLeftPercent > 70
                  ? "-translate-x-full"
                  : "-translate-x-1/2",
            )}
            style={{ left: `${tooltipLeftPercent}%` }}
          >
            {renderTooltip(active)}
          </div>
        ) : null}
      </div>
      {legend && legend.length > 0 ? (
        <ul
          className="text-muted-foreground flex flex-wrap gap-x-4 gap-y-1 text-xs"
          aria-label={`${title} legend`}
        >
          {legend.map((item) => (
            <li key={item.label} className="flex items-center gap-1.5">
              <span
                aria-hidden
                className={cn("inline-block", item.shape === "line" ? "h-0.5 w-3" : "size-2.5 rounded-sm")}
                style={{ background: item.color }}
              />
              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="sr-only">{dataTable}</div>
    </figure>
  )
}

/** The screen-reader table every chart carries: a caption, a header row and one row per run. */
export function ChartDataTable({
  caption,
  columns,
  rows,
}: {
  caption: string
  columns: string[]
  rows: string[][]
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, rowIndex) => (
          <tr key={rowIndex}>
            {row.map((cell, cellIndex) =>
              cellIndex === 0 ? (
                <th key={cellIndex} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={cellIndex}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A tooltip's body: a heading line, an optional detail line and label/value rows. */
export function TooltipRows({
  heading,
  detail,
  rows,
}: {
  heading: string
  detail?: string
  rows: { label: string; value: string; color?: string }[]
}) {
  return (
    <div className="flex flex-col gap-1">
      <span className="font-semibold">{heading}</span>
      {detail ? <span className="text-muted-foreground">{detail}</span> : null}
      <dl className="grid grid-cols-[auto_auto] gap-x-3 gap-y-0.5">
        {rows.map((row) => (
          <div key={row.label} className="contents">
            <dt className="flex items-center gap-1.5">
              {row.color ? (
                <span
                  aria-hidden
                  className="inline-block size-2 rounded-sm"
                  style={{ background: row.color }}
                />
              ) : null}
              {row.label}
            </dt>
            <dd className="text-right font-mono tabular-nums">{row.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
