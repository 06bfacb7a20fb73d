import { AGENT_STAGES, type Observation, type Verdict } from "@studio/protocol"
import {
  ArrowLeft,
  CircleAlert,
  CircleCheck,
  CircleX,
  RotateCw,
  ThumbsDown,
  ThumbsUp,
  type LucideIcon,
} from "lucide-react"
import { useId, useMemo, type ReactNode } from "react"
import { Link } from "react-router"
import { Badge } from "@studio/kit/components/ui/badge"
import { Button } from "@studio/kit/components/ui/button"
import { Card, CardContent, CardHeader, CardTitle } from "@studio/kit/components/ui/card"
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@studio/kit/components/ui/table"
import { formatUsd } from "../run/format"
import { BarChart, PassRateChart, StackedBarChart } from "./charts"
import { FeedbackButtons } from "./feedback-buttons"
import {
  STAGE_COLORS,
  STAGE_LABELS,
  changedLines,
  chartWindow,
  costByProject,
  formatCount,
  formatDuration,
  formatMean,
  formatPercent,
  groupRepeatedPrompts,
  stagesThatRan,
  summarizeRuns,
  toRunPoints,
  type InsightsSummary,
  type ProjectCost,
  type PromptGroup,
  type RunPoint,
} from "./insights-model"
import { useInsightsData } from "./use-insights-data"

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" })

function formatDateTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date)
}

const runLabel = (point: RunPoint) => `#${point.ordinal}`

/** How the person's runs went: headline figures, charts over the last runs, and every run with its vote. */
export function InsightsPage() {
  const { data, reload, recordVote } = useInsightsData()

  return (
    <main className="bg-background text-foreground h-full overflow-y-auto">
      <div className="mx-auto flex max-w-6xl flex-col gap-6 p-4 sm:p-6">
        <header className="flex flex-col gap-2">
          <Link
            to="/"
            className="text-muted-foreground hover:text-foreground inline-flex w-fit items-center gap-1 rounded-sm text-sm"
          >
            <ArrowLeft aria-hidden className="size-4" />
            Back to the studio
          </Link>
          <h1 className="text-2xl font-semibold tracking-tight">Insights</h1>
          <p className="text-muted-foreground text-sm">
            How your runs went: whether the tests passed, where the time went, and what it cost.
          </p>
        </header>
        {data.status === "loading" ? <InsightsSkeleton /> : null}
        {data.status === "error" ? (
          <div role="alert" className="border-fail/40 flex flex-col items-start gap-3 rounded-xl border p-6">
            <p className="text-fail font-medium">Your runs could not be loaded.</p>
            <p className="text-muted-foreground text-sm">{data.message}</p>
            <Button variant="outline" size="sm" onClick={reload}>
              <RotateCw aria-hidden />
              Try again
            </Button>
          </div>
        ) : null}
        {data.status === "ready" && data.observations.length === 0 ? (
          <div className="text-muted-foreground flex flex-col items-center gap-3 rounded-xl border border-dashed p-10 text-center">
            <p>No runs yet — generate a component and its numbers appear here.</p>
            <Button asChild variant="outline" size="sm">
              <Link to="/">Open the studio</Link>
            </Button>
          </div>
        ) : null}
        {data.status === "ready" && data.observations.length > 0 ? (
          <InsightsReport
            observations={data.observations}
            projectNames={data.projectNames}
            onVoted={recordVote}
          />
        ) : null}
      </div>
    </main>
  )
}

function InsightsReport({
  observations,
  projectNames,
  onVoted,
}: {
  observations: Observation[]
  projectNames: Record<string, string>
  onVoted: (observationId: string, value: 1 | -1) => void
}) {
  const points = useMemo(() => toRunPoints(observations), [observations])
  const summary = useMemo(() => summarizeRuns(points), [points])
  const charted = chartWindow(points)
  const stages = stagesThatRan(charted)
  const detailOf = (point: RunPoint) => formatDateTime(point.createdAt)
  const windowNote =
    charted.length < points.length
      ? `The last ${charted.length} of ${points.length} runs.`
      : "Every run so far."

  return (
    <>
      <SummaryCards summary={summary} />
      <ProjectCosts costs={costByProject(points)} projectNames={projectNames} />
      <section aria-labelledby="insights-charts" className="flex flex-col gap-3">
        <h2 id="insights-charts" className="sr-only">
          Charts
        </h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartCard>
            <PassRateChart
              title="Results per run"
              description={`Bar height: share of tests passed. ${windowNote}`}
              data={charted.map((point) => ({
                id: point.observationId,
                label: runLabel(point),
                detail: detailOf(point),
                passed: point.success,
                unverified: point.verdict === "unverified",
                testsPassed: point.testsPassed,
                testsTotal: point.testsTotal,
                runningPassRate: point.runningPassRate,
              }))}
            />
          </ChartCard>
          <ChartCard>
            <StackedBarChart
              title="Time per stage"
              description={`Each pipeline stage of a run, stacked. ${windowNote}`}
              series={stages.map((stage) => ({
                key: stage,
                label: STAGE_LABELS[stage],
                color: STAGE_COLORS[stage],
              }))}
              data={charted.map((point) => ({
                id: point.observationId,
                label: runLabel(point),
                detail: detailOf(point),
                values: point.stageMs,
              }))}
              formatValue={formatDuration}
            />
          </ChartCard>
          <ChartCard>
            <BarChart
              title="Tokens per run"
              description={`Prompt and completion tokens together. ${windowNote}`}
              valueLabel="Tokens"
              color="var(--chart-2)"
              data={charted.map((point) => ({
                id: point.observationId,
                label: runLabel(point),
                detail: detailOf(point),
                value: point.tokens,
              }))}
              formatValue={formatCount}
            />
          </ChartCard>
          <ChartCard>
            <BarChart
              title="Repair attempts per run"
              description={`Times the model fixed its code after failing tests. ${windowNote}`}
              valueLabel="Repair attempts"
              color="var(--chart-5)"
              integer
              data={charted.map((point) => ({
                id: point.observationId,
                label: runLabel(point),
                detail: detailOf(point),
                value: point.repairAttempts,
              }))}
              formatValue={formatCount}
            />
          </ChartCard>
        </div>
      </section>
      <RepeatedPrompts groups={groupRepeatedPrompts(points)} />
      <RecentRuns points={points} projectNames={projectNames} onVoted={onVoted} />
    </>
  )
}

function ChartCard({ children }: { children: ReactNode }) {
  return (
    <Card className="py-4">
      <CardContent className="px-4">{children}</CardContent>
    </Card>
  )
}

function StatCard({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  const labelId = useId()
  return (
    <Card role="group" aria-labelledby={labelId} className="gap-1 py-4">
      <CardContent className="flex flex-col gap-1 px-4">
        <span id={labelId} className="text-muted-foreground text-xs font-medium">
          {label}
        </span>
        <span className="text-2xl font-semibold tabular-nums">{value}</span>
        {hint ? <span className="text-muted-foreground text-xs">{hint}</span> : null}
      </CardContent>
    </Card>
  )
}

function SummaryCards({ summary }: { summary: InsightsSummary }) {
  const stageMedians = AGENT_STAGES.flatMap((stage) => {
    const ms = summary.medianStageMs[stage]
    return ms === null ? [] : [{ stage, ms }]
  })
  return (
    <section aria-labelledby="insights-summary" className="flex flex-col gap-4">
      <h2 id="insights-summary" className="sr-only">
        Summary
      </h2>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4 xl:grid-cols-7">
        <StatCard label="Runs" value={formatCount(summary.runs)} hint="measured runs" />
        <StatCard
          label="Pass rate"
          value={summary.passRatePercent === null ? "—" : formatPercent(summary.passRatePercent)}
          hint={`${summary.passedRuns} of ${summary.runs} passed`}
        />
        <StatCard
          label="Median latency"
          value={summary.medianLatencyMs === null ? "—" : formatDuration(summary.medianLatencyMs)}
          hint="prompt to tested code"
        />
        <StatCard label="Total tokens" value={formatCount(summary.totalTokens)} hint="prompt + completion" />
        <StatCard
          label="Cost"
          value={formatUsd(summary.totalCostUsd)}
          hint={costHint(summary.unpricedRuns)}
        />
        <StatCard
          label="Mean repair attempts"
          value={summary.meanRepairAttempts === null ? "—" : formatMean(summary.meanRepairAttempts)}
          hint="per run"
        />
        <StatCard
          label="Feedback"
          value={
            <span className="inline-flex items-center gap-3">
              <span className="text-pass inline-flex items-center gap-1">
                <ThumbsUp aria-hidden className="size-5" />
                {summary.thumbsUp}
                <span className="sr-only"> good</span>
              </span>
              <span className="text-fail inline-flex items-center gap-1">
                <ThumbsDown aria-hidden className="size-5" />
                {summary.thumbsDown}
                <span className="sr-only"> bad</span>
              </span>
            </span>
          }
          hint="your votes"
        />
      </div>
      {stageMedians.length > 0 ? (
        <Card role="group" aria-labelledby="insights-stage-medians" className="gap-3 py-4">
          <CardHeader className="px-4">
            <CardTitle id="insights-stage-medians" className="text-sm">
              Median time per stage
            </CardTitle>
          </CardHeader>
          <CardContent className="px-4">
            <dl className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
              {stageMedians.map(({ stage, ms }) => (
                <div key={stage} className="flex items-center gap-2">
                  <dt className="text-muted-foreground flex items-center gap-1.5">
                    <span
                      aria-hidden
                      className="inline-block size-2.5 rounded-sm"
                      style={{ background: STAGE_COLORS[stage] }}
                    />
                    {STAGE_LABELS[stage]}
                  </dt>
                  <dd className="font-mono tabular-nums">{formatDuration(ms)}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
      ) : null}
    </section>
  )
}

/** "at the model's prices", or how many runs the total leaves out. */
function costHint(unpricedRuns: number): string {
  if (unpricedRuns === 0) return "at the model's prices"
  return `${unpricedRuns} ${unpricedRuns === 1 ? "run" : "runs"} without a known price not counted`
}

/** A run's cost as the table shows it: dollars, "local", "offline", or a dash when the price is not known. */
function runCostLabel(point: RunPoint): string {
  if (point.costBasis === "local" || point.costBasis === "offline") return point.costBasis
  return point.costUsd === null ? "—" : formatUsd(point.costUsd)
}

function ProjectCosts({
  costs,
  projectNames,
}: {
  costs: ProjectCost[]
  projectNames: Record<string, string>
}) {
  return (
    <section aria-labelledby="insights-project-costs" className="flex flex-col gap-3">
      <h2 id="insights-project-costs" className="text-lg font-semibold">
        Cost per project
      </h2>
      <Card className="py-2">
        <CardContent className="px-2">
          <Table aria-labelledby="insights-project-costs">
            <TableHeader>
              <TableRow>
                <TableHead>Project</TableHead>
                <TableHead className="text-right">Runs</TableHead>
                <TableHead className="text-right">Tokens</TableHead>
                <TableHead className="text-right">Cost</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {costs.map((entry) => (
                <TableRow key={entry.projectId}>
                  <TableCell className="max-w-48 truncate">
                    {projectNames[entry.projectId] ?? (
                      <span className="text-muted-foreground">Unknown project</span>
                    )}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatCount(entry.runs)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatCount(entry.tokens)}</TableCell>
                  <TableCell
                    className="text-right tabular-nums"
                    title={
                      entry.unpricedRuns > 0
                        ? `${entry.unpricedRuns} of its runs had no known price and are not counted`
                        : undefined
                    }
                  >
                    {formatUsd(entry.costUsd)}
                    {entry.unpricedRuns > 0 ? <span className="text-muted-foreground"> +?</span> : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </section>
  )
}

function RecentRuns({
  points,
  projectNames,
  onVoted,
}: {
  points: RunPoint[]
  projectNames: Record<string, string>
  onVoted: (observationId: string, value: 1 | -1) => void
}) {
  const newestFirst = [...points].reverse()
  return (
    <section aria-labelledby="insights-recent-runs" className="flex flex-col gap-3">
      <h2 id="insights-recent-runs" className="text-lg font-semibold">
        Recent runs
      </h2>
      <Card className="py-2">
        <CardContent className="px-2">
          <Table aria-labelledby="insights-recent-runs">
            <TableHeader>
              <TableRow>
                <TableHead>Run</TableHead>
                <TableHead>Date</TableHead>
                <TableHead>Project</TableHead>
                <TableHead>Result</TableHead>
                <TableHead className="text-right">Tests</TableHead>
                <TableHead className="text-right">Requirements</TableHead>
                <TableHead className="text-right">Repairs</TableHead>
                <TableHead className="text-right">Tokens</TableHead>
                <TableHead className="text-right">Cost</TableHead>
                <TableHead className="text-right">Latency</TableHead>
                <TableHead className="text-right">Change</TableHead>
                <TableHead>Feedback</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {newestFirst.map((point) => (
                <TableRow key={point.observationId}>
                  <TableCell className="text-muted-foreground font-mono">{runLabel(point)}</TableCell>
                  <TableCell>
                    <time dateTime={point.createdAt}>{formatDateTime(point.createdAt)}</time>
                  </TableCell>
                  <TableCell className="max-w-48 truncate">
                    {projectNames[point.projectId] ?? (
                      <span className="text-muted-foreground">Unknown project</span>
                    )}
                  </TableCell>
                  <TableCell>
                    <ResultBadge verdict={point.verdict} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {point.testsPassed}/{point.testsTotal}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {point.requirementsMet}/{point.requirements}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{point.repairAttempts}</TableCell>
                  <TableCell
                    className="text-right tabular-nums"
                    title={`${formatCount(point.promptTokens)} prompt + ${formatCount(point.completionTokens)} completion`}
                  >
                    {formatCount(point.tokens)}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{runCostLabel(point)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatDuration(point.latencyMs)}</TableCell>
                  <TableCell className="text-right tabular-nums" title={changeTitle(point)}>
                    <ChangeLabel point={point} />
                  </TableCell>
                  <TableCell>
                    <FeedbackButtons
                      observationId={point.observationId}
                      value={point.userSatisfaction}
                      onVoted={(value) => onVoted(point.observationId, value)}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </section>
  )
}

/** "2 files changed" for the cell's title. */
function changeTitle(point: RunPoint): string {
  const { files, additions, deletions } = point.diff
  const scope = `${files} ${files === 1 ? "file" : "files"}`
  if (!point.followUp)
    return files === 0 ? "No version saved" : `First version: ${additions} lines in ${scope}`
  return `${additions} lines added, ${deletions} removed, in ${scope}`
}

/** A follow-up's diff against its parent as "+12 −3"; a first version is "new". */
function ChangeLabel({ point }: { point: RunPoint }) {
  if (!point.followUp)
    return point.diff.files === 0 ? "—" : <span className="text-muted-foreground">new</span>
  if (changedLines(point.diff) === 0) return <span className="text-muted-foreground">no change</span>
  return (
    <span className="font-mono">
      <span className="text-pass">+{formatCount(point.diff.additions)}</span>{" "}
      <span className="text-fail">−{formatCount(point.diff.deletions)}</span>
    </span>
  )
}

/** Prompts run more than once, grouped by the hash of the normalised prompt, with how they went. */
function RepeatedPrompts({ groups }: { groups: PromptGroup[] }) {
  return (
    <section aria-labelledby="insights-repeated-prompts" className="flex flex-col gap-3">
      <h2 id="insights-repeated-prompts" className="text-lg font-semibold">
        Repeated prompts
      </h2>
      {groups.length === 0 ? (
        <p className="text-muted-foreground text-sm">
          No prompt has been run more than once yet. Prompts that differ only in case or spacing count as one.
        </p>
      ) : (
        <Card className="py-2">
          <CardContent className="px-2">
            <Table aria-labelledby="insights-repeated-prompts">
              <TableHeader>
                <TableRow>
                  <TableHead>Prompt</TableHead>
                  <TableHead className="text-right">Runs</TableHead>
                  <TableHead className="text-right">Passed</TableHead>
                  <TableHead>Latest</TableHead>
                  <TableHead className="text-right">Follow-ups</TableHead>
                  <TableHead className="text-right">Median change</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {groups.map((group) => (
                  <TableRow key={group.promptHash}>
                    <TableCell className="max-w-80 truncate" title={group.prompt}>
                      {group.prompt}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{formatCount(group.runs)}</TableCell>
                    <TableCell
                      className="text-right tabular-nums"
                      title={`${group.passedRuns} of ${group.runs} passed`}
                    >
                      {formatPercent(group.passRatePercent)}
                    </TableCell>
                    <TableCell>
                      <span className="inline-flex items-center gap-2">
                        <time dateTime={group.latestAt}>{formatDateTime(group.latestAt)}</time>
                        <ResultBadge verdict={group.latestVerdict} />
                      </span>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{formatCount(group.followUps)}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {group.medianFollowUpLines === null
                        ? "—"
                        : `${formatCount(group.medianFollowUpLines)} ${group.medianFollowUpLines === 1 ? "line" : "lines"}`}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}
    </section>
  )
}

/** Only a proven run is "Passed"; one that proved nothing wrong but not everything is "Not verified". */
const RESULT_BADGES: Record<Verdict, { label: string; icon: LucideIcon; className: string }> = {
  proven: { label: "Passed", icon: CircleCheck, className: "border-pass/40 text-pass" },
  unverified: { label: "Not verified", icon: CircleAlert, className: "border-caution/40 text-caution" },
  failed: { label: "Failed", icon: CircleX, className: "border-fail/40 text-fail" },
}

function ResultBadge({ verdict }: { verdict: Verdict | null }) {
  // A run without a verdict never finished: it proved nothing.
  const { label, icon: Icon, className } = RESULT_BADGES[verdict ?? "unverified"]
  return (
    <Badge variant="outline" className={className}>
      <Icon aria-hidden />
      {label}
    </Badge>
  )
}

function InsightsSkeleton() {
  return (
    <div aria-busy="true" className="flex flex-col gap-6">
      <p role="status" className="sr-only">
        Loading your runs…
      </p>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4 xl:grid-cols-7">
        {Array.from({ length: 7 }, (_, index) => (
          <div key={index} className="bg-muted h-24 animate-pulse rounded-xl" />
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {Array.from({ length: 4 }, (_, index) => (
          <div key={index} className="bg-muted h-64 animate-pulse rounded-xl" />
        ))}
      </div>
      <div className="bg-muted h-48 animate-pulse rounded-xl" />
    </div>
  )
}
