import { ChartDataTable, ChartFrame, TooltipRows, barGeometry, heightOf, yOf } from "./chart-frame"
import { niceScale } from "./chart-scale"
import { median } from "./insights-model"

/** One stack of a stacked bar: a key into each bar's values, its legend label and colour (a CSS colour). */
export interface ChartSeries {
  key: string
  label: string
  color: string
}

export interface StackedBarDatum {
  id: string
  /** Short x-axis label, e.g. "#12". */
  label: string
  /** A longer line for the tooltip, e.g. the date. */
  detail?: string
  values: Record<string, number>
}

export interface StackedBarChartProps {
  title: string
  description?: string
  series: ChartSeries[]
  data: StackedBarDatum[]
  formatValue: (value: number) => string
  className?: string
}

function totalOf(datum: StackedBarDatum, series: ChartSeries[]): number {
  return series.reduce((sum, entry) => sum + (datum.values[entry.key] ?? 0), 0)
}

/** Bars of stacked series per run (time per stage), bottom to top in series order. */
export function StackedBarChart({
  title,
  description,
  series,
  data,
  formatValue,
  className,
}: StackedBarChartProps) {
  const totals = data.map((datum) => totalOf(datum, series))
  const scale = niceScale(Math.max(0, ...totals))
  const grandTotal = totals.reduce((sum, total) => sum + total, 0)
  const largest = series
    .map((entry) => ({ entry, sum: data.reduce((sum, datum) => sum + (datum.values[entry.key] ?? 0), 0) }))
    .sort((a, b) => b.sum - a.sum)[0]
  const summary =
    data.length === 0 || !largest
      ? `${title}: no runs yet.`
      : `${title}: ${data.length} runs, median total ${formatValue(median(totals) ?? 0)}; ` +
        `${largest.entry.label} takes the most (${Math.round((largest.sum / (grandTotal || 1)) * 100)}% of the time).`

  return (
    <ChartFrame
      title={title}
      description={description}
      summary={summary}
      xLabels={data.map((datum) => datum.label)}
      scale={scale}
      formatTick={formatValue}
      legend={series.map((entry) => ({ label: entry.label, color: entry.color }))}
      className={className}
      renderTooltip={(index) => {
        const datum = data[index]!
        return (
          <TooltipRows
            heading={datum.label}
            detail={datum.detail}
            rows={[
              ...series
                .filter((entry) => (datum.values[entry.key] ?? 0) > 0)
                .map((entry) => ({
                  label: entry.label,
                  value: formatValue(datum.values[entry.key] ?? 0),
                  color: entry.color,
                })),
              { label: "Total", value: formatValue(totals[index]!) },
            ]}
          />
        )
      }}
      dataTable={
        <ChartDataTable
          caption={title}
          columns={["Run", ...series.map((entry) => entry.label), "Total"]}
          rows={data.map((datum, index) => [
            datum.label,
            // A dash for a stage that did not run in this run, rather than a misleading "0".
            ...series.map((entry) => {
              const value = datum.values[entry.key] ?? 0
              return value > 0 ? formatValue(value) : "—"
            }),
            formatValue(totals[index]!),
          ])}
        />
      }
    >
      {() =>
        data.map((datum, index) => {
          const { x, width } = barGeometry(index, data.length)
          let stacked = 0
          return (
            <g key={datum.id}>
              {series.map((entry) => {
                const value = datum.values[entry.key] ?? 0
                if (value <= 0) return null
                const y = yOf(stacked + value, scale.max)
                stacked += value
                return (
                  <rect
                    key={entry.key}
                    x={x}
                    y={y}
                    width={width}
                    height={heightOf(value, scale.max)}
                    style={{ fill: entry.color }}
                  />
                )
              })}
            </g>
          )
        })
      }
    </ChartFrame>
  )
}

export interface BarDatum {
  id: string
  label: string
  detail?: string
  value: number
}

export interface BarChartProps {
  title: string
  description?: string
  /** What a bar measures, for the tooltip and the table ("Tokens"). */
  valueLabel: string
  data: BarDatum[]
  formatValue: (value: number) => string
  /** A CSS colour; the second chart colour by default. */
  color?: string
  /** Whole-number axis steps, for counts such as repair attempts. */
  integer?: boolean
  className?: string
}

/** One bar per run (tokens, repair attempts). */
export function BarChart({
  title,
  description,
  valueLabel,
  data,
  formatValue,
  color = "var(--chart-2)",
  integer = false,
  className,
}: BarChartProps) {
  const values = data.map((datum) => datum.value)
  const scale = niceScale(Math.max(0, ...values), { integer })
  const summary =
    data.length === 0
      ? `${title}: no runs yet.`
      : `${title}: ${data.length} runs, from ${formatValue(Math.min(...values))} to ${formatValue(Math.max(...values))}; ` +
        `latest ${formatValue(values.at(-1)!)}.`

  return (
    <ChartFrame
      title={title}
      description={description}
      summary={summary}
      xLabels={data.map((datum) => datum.label)}
      scale={scale}
      formatTick={formatValue}
      className={className}
      renderTooltip={(index) => {
        const datum = data[index]!
        return (
          <TooltipRows
            heading={datum.label}
            detail={datum.detail}
            rows={[{ label: valueLabel, value: formatValue(datum.value), color }]}
          />
        )
      }}
      dataTable={
        <ChartDataTable
          caption={title}
          columns={["Run", valueLabel]}
          rows={data.map((datum) => [datum.label, formatValue(datum.value)])}
        />
      }
    >
      {() =>
        data.map((datum, index) => {
          const { x, width } = barGeometry(index, data.length)
          return (
            <rect
              key={datum.id}
              x={x}
              y={yOf(datum.value, scale.max)}
              width={width}
              height={heightOf(datum.value, scale.max)}
              style={{ fill: color }}
            />
          )
        })
      }
    </ChartFrame>
  )
}

export interface PassRateDatum {
  id: string
  label: string
  detail?: string
  /** The run was proven. */
  passed: boolean
  /** The run was not proven but nothing failed (a check turned off, a skipped test, an untested requirement). */
  unverified?: boolean
  testsPassed: number
  testsTotal: number
  /** Share of runs passed up to and including this one, 0..1. */
  runningPassRate: number
}

export interface PassRateChartProps {
  title: string
  description?: string
  data: PassRateDatum[]
  className?: string
}

// The raw variables from styles.css, which always exist (Tailwind may drop theme variables it sees unused). Colours
// go through `style`, not the fill attribute, because var() is only reliable in CSS.
const PASS_COLOR = "hsl(var(--color-success-hsl))"
const FAIL_COLOR = "hsl(var(--color-error-hsl))"
const UNVERIFIED_COLOR = "hsl(var(--color-warning-hsl))"
const LINE_COLOR = "hsl(var(--color-studio-hsl))"
// A run without tests still gets a sliver, so a failed run is never invisible.
const MIN_BAR_HEIGHT = 3

const percent = (share: number) => `${Math.round(share * 100)}%`
const resultOf = (datum: PassRateDatum) =>
  datum.passed ? "Passed" : datum.unverified ? "Not verified" : "Failed"
const colorOf = (datum: PassRateDatum) =>
  datum.passed ? PASS_COLOR : datum.unverified ? UNVERIFIED_COLOR : FAIL_COLOR

/**
 * Per run, a bar as tall as the share of tests that passed: green when the run was proven, amber when it was not
 * verified and red when it failed, with the running pass rate drawn over it as a line.
 */
export function PassRateChart({ title, description, data, className }: PassRateChartProps) {
  const scale = { max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] }
  const passedRuns = data.filter((datum) => datum.passed).length
  const summary =
    data.length === 0
      ? `${title}: no runs yet.`
      : `${title}: ${passedRuns} of ${data.length} runs passed; ` +
        `running pass rate ${percent(data.at(-1)!.runningPassRate)} at the latest run.`
  const linePoints = data
    .map((datum, index) => `${barGeometry(index, data.length).center},${yOf(datum.runningPassRate, 1)}`)
    .join(" ")

  return (
    <ChartFrame
      title={title}
      description={description}
      summary={summary}
      xLabels={data.map((datum) => datum.label)}
      scale={scale}
      formatTick={percent}
      className={className}
      legend={[
        { label: "Passed run", color: PASS_COLOR },
        { label: "Not verified run", color: UNVERIFIED_COLOR },
        { label: "Failed run", color: FAIL_COLOR },
        { label: "Running pass rate", color: LINE_COLOR, shape: "line" },
      ]}
      renderTooltip={(index) => {
        const datum = data[index]!
        return (
          <TooltipRows
            heading={`${datum.label} · ${resultOf(datum).toLowerCase()}`}
            detail={datum.detail}
            rows={[
              {
                label: "Tests passed",
                value: `${datum.testsPassed}/${datum.testsTotal}`,
                color: colorOf(datum),
              },
              { label: "Pass rate so far", value: percent(datum.runningPassRate), color: LINE_COLOR },
            ]}
          />
        )
      }}
      dataTable={
        <ChartDataTable
          caption={title}
          columns={["Run", "Result", "Tests passed", "Pass rate so far"]}
          rows={data.map((datum) => [
            datum.label,
            resultOf(datum),
            `${datum.testsPassed}/${datum.testsTotal}`,
            percent(datum.runningPassRate),
          ])}
        />
      }
    >
      {(activeIndex) => (
        <>
          {data.map((datum, index) => {
            const { x, width } = barGeometry(index, data.length)
            const share = datum.testsTotal > 0 ? datum.testsPassed / datum.testsTotal : 0
            const height = Math.max(MIN_BAR_HEIGHT, heightOf(share, 1))
            return (
              <rect
                key={datum.id}
                data-result={datum.passed ? "pass" : datum.unverified ? "unverified" : "fail"}
                x={x}
                y={yOf(0, 1) - height}
                width={width}
                height={height}
                style={{ fill: colorOf(datum) }}
                fillOpacity={0.75}
              />
            )
          })}
          {data.length > 1 ? (
            <polyline
              points={linePoints}
              fill="none"
              style={{ stroke: LINE_COLOR }}
              strokeWidth={2}
              strokeLinejoin="round"
            />
          ) : null}
          {data.map((datum, index) => (
            <circle
              key={datum.id}
              cx={barGeometry(index, data.length).center}
              cy={yOf(datum.runningPassRate, 1)}
              r={activeIndex === index ? 4.5 : 3}
              style={{ fill: LINE_COLOR }}
              className="stroke-background"
              strokeWidth={1.5}
            />
          ))}
        </>
      )}
    </ChartFrame>
  )
}
