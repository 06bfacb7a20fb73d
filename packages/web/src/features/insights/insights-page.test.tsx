import { act, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import { ApiRequestError } from "../../services/api-client"
import { makeObservation, PROJECT_B, THREE_RUNS } from "./__fixtures__/observations"
import { createFakeApi, deferred, renderWithServices } from "./__fixtures__/fake-services"
import { InsightsPage } from "./insights-page"

const stat = (name: string) => screen.getByRole("group", { name })

/** Body row `index` of the runs table (0 is the newest run). */
async function runRow(index: number): Promise<HTMLElement> {
  const table = await screen.findByRole("table", { name: "Recent runs" })
  return within(table).getAllByRole("row")[index + 1]!
}

/** The runs table's body rows, as cell texts. */
async function runRows(): Promise<string[][]> {
  const table = await screen.findByRole("table", { name: "Recent runs" })
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent ?? ""),
    )
}

describe("InsightsPage", () => {
  it("shows a skeleton while loading, then the summary figures", async () => {
    const api = createFakeApi()
    const observations = deferred<typeof THREE_RUNS>()
    api.listObservations.mockReturnValueOnce(observations.promise)
    renderWithServices(<InsightsPage />, api)

    expect(screen.getByRole("heading", { level: 1, name: "Insights" })).toBeInTheDocument()
    expect(screen.getByRole("status")).toHaveTextContent("Loading your runs")
    await act(async () => observations.resolve(THREE_RUNS))

    expect(within(stat("Runs")).getByText("3")).toBeInTheDocument()
    expect(within(stat("Pass rate")).getByText("67%")).toBeInTheDocument()
    expect(stat("Pass rate")).toHaveTextContent("2 of 3 passed")
    expect(within(stat("Median latency")).getByText("20 s")).toBeInTheDocument()
    expect(within(stat("Total tokens")).getByText("9,500")).toBeInTheDocument()
    expect(within(stat("Mean repair attempts")).getByText("1")).toBeInTheDocument()
    expect(stat("Feedback")).toHaveTextContent("1 good")
    expect(stat("Feedback")).toHaveTextContent("1 bad")
    expect(screen.queryByText("Loading your runs…")).not.toBeInTheDocument()
  })

  it("shows the median time of each stage that ran", async () => {
    renderWithServices(<InsightsPage />, createFakeApi(THREE_RUNS))
    const stages = await screen.findByRole("group", { name: "Median time per stage" })
    const pairs = Array.from(stages.querySelectorAll("dt"), (term) => [
      term.textContent,
      term.nextElementSibling?.textContent,
    ])
    expect(pairs).toEqual([
      ["Interpret", "1.0 s"],
      ["Scaffold", "2.0 s"],
      ["Unit tests", "1.5 s"],
      ["Execute", "3.0 s"],
      ["Repair", "3.0 s"],
      ["Report", "100 ms"],
    ])
  })

  it("draws the four charts over the runs", async () => {
    renderWithServices(<InsightsPage />, createFakeApi(THREE_RUNS))
    for (const name of ["Results per run", "Time per stage", "Tokens per run", "Repair attempts per run"])
      expect(await screen.findByRole("figure", { name })).toBeInTheDocument()
    expect(screen.getByRole("img", { name: /^Results per run: 2 of 3 runs passed/ })).toBeInTheDocument()
    expect(
      screen.getByRole("img", { name: /^Tokens per run: 3 runs, from 1,500 to 5,000; latest 3,000/ }),
    ).toBeInTheDocument()
    const legend = screen.getByRole("list", { name: "Time per stage legend" })
    expect(
      within(legend)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["Interpret", "Scaffold", "Unit tests", "Execute", "Repair", "Report"])
  })

  it("lists the runs newest first with their project, result and numbers", async () => {
    renderWithServices(<InsightsPage />, createFakeApi(THREE_RUNS))
    const rows = await runRows()
    // These runs predate costs: their cost is not known ("—").
    expect(rows.map((row) => [row[0], ...row.slice(2, 10)])).toEqual([
      ["#3", "Beta", "Passed", "3/3", "2/2", "1", "3,000", "—", "20 s"],
      ["#2", "Alpha", "Failed", "2/5", "1/3", "2", "5,000", "—", "30 s"],
      ["#1", "Alpha", "Passed", "4/4", "3/3", "0", "1,500", "—", "10 s"],
    ])
    const failedRow = await runRow(1)
    expect(within(failedRow).getByRole("button", { name: "Bad result" })).toHaveAttribute(
      "aria-pressed",
      "true",
    )
  })

  it("shows what the runs cost, in all and per project, and says what it cannot price", async () => {
    const observations = [
      makeObservation(4, { projectId: PROJECT_B, metrics: { costUsd: 0, costLocal: 1 } }),
      makeObservation(3, { projectId: PROJECT_B, metrics: { costUsd: 0.25 } }),
      makeObservation(2, { metrics: { costUsd: 0.0042 } }),
      makeObservation(1, { metrics: { promptTokens: 0, completionTokens: 0, costUsd: 0, costOffline: 1 } }),
      makeObservation(0, { projectId: PROJECT_B }),
    ]
    renderWithServices(<InsightsPage />, createFakeApi(observations))
    const cost = await screen.findByRole("group", { name: "Cost" })
    expect(within(cost).getByText("$0.25")).toBeInTheDocument()
    expect(cost).toHaveTextContent("1 run without a known price not counted")

    const perProject = screen.getByRole("table", { name: "Cost per project" })
    const projectRows = within(perProject)
      .getAllByRole("row")
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole("cell")
          .map((cell) => cell.textContent),
      )
    expect(projectRows).toEqual([
      ["Beta", "3", "4,500", "$0.25 +?"],
      ["Alpha", "2", "1,500", "$0.0042"],
    ])
    const costs = (await runRows()).map((row) => [row[0], row[8]])
    expect(costs).toEqual([
      ["#5", "local"],
      ["#4", "$0.25"],
      ["#3", "$0.0042"],
      ["#2", "offline"],
      ["#1", "—"],
    ])
  })

  it("shows a run that was not verified as Not verified, never Passed", async () => {
    const unverified = makeObservation(4, { verdict: "unverified", metrics: { total: 0, passed: 0 } })
    renderWithServices(<InsightsPage />, createFakeApi([unverified, ...THREE_RUNS]))
    const rows = await runRows()
    const newest = rows[0] ?? []
    expect([newest[0], newest[3], newest[4]]).toEqual(["#4", "Not verified", "0/0"])
    expect(screen.getByRole("img", { name: /^Results per run: 2 of 4 runs passed/ })).toBeInTheDocument()
  })

  it("still lists the runs when the project names cannot be loaded", async () => {
    const api = createFakeApi(THREE_RUNS)
    api.listProjects.mockRejectedValueOnce(new ApiRequestError("internal", "boom", 500))
    renderWithServices(<InsightsPage />, api)
    const rows = await runRows()
    expect(rows.map((row) => row[2])).toEqual(["Unknown project", "Unknown project", "Unknown project"])
  })

  it("posts a vote from the table and counts it in the summary", async () => {
    const api = createFakeApi(THREE_RUNS)
    renderWithServices(<InsightsPage />, api)
    const newest = await runRow(0)
    const good = within(newest).getByRole("button", { name: "Good result" })
    expect(good).toHaveAttribute("aria-pressed", "false")

    await userEvent.click(good)
    expect(api.sendFeedback).toHaveBeenCalledWith(THREE_RUNS[0]!.id, 1)
    expect(good).toHaveAttribute("aria-pressed", "true")
    expect(stat("Feedback")).toHaveTextContent("2 good")
  })

  it("rolls a refused vote back in the table", async () => {
    const api = createFakeApi(THREE_RUNS)
    api.sendFeedback.mockRejectedValueOnce(new ApiRequestError("not_found", "Not found.", 404))
    renderWithServices(<InsightsPage />, api)
    const newest = await runRow(0)

    await userEvent.click(within(newest).getByRole("button", { name: "Bad result" }))
    expect(within(newest).getByRole("button", { name: "Bad result" })).toHaveAttribute(
      "aria-pressed",
      "false",
    )
    expect(within(newest).getByRole("alert")).toHaveTextContent("Vote not saved")
    expect(stat("Feedback")).toHaveTextContent("1 bad")
  })

  it("groups repeated prompts by their hash and shows how much each follow-up changed", async () => {
    const counter = "a".repeat(64)
    const red = "b".repeat(64)
    const parent = "0c0c0000-0000-4000-8000-000000000001"
    const observations = [
      // Newest first, as the API sends them.
      makeObservation(5, {
        prompt: "Make the button red",
        promptHash: red,
        parentVersionId: parent,
        diff: { files: 1, additions: 4, deletions: 2 },
      }),
      makeObservation(4, {
        prompt: "make the button  red",
        promptHash: red,
        parentVersionId: parent,
        diff: { files: 1, additions: 10, deletions: 6 },
        metrics: { success: 0 },
      }),
      makeObservation(3, { prompt: "A counter", promptHash: counter }),
      makeObservation(2, { prompt: "a star rating" }),
      makeObservation(1, { prompt: "a counter", promptHash: counter, metrics: { success: 0 } }),
      makeObservation(0, { prompt: "a counter", promptHash: counter }),
    ]
    renderWithServices(<InsightsPage />, createFakeApi(observations))

    const table = await screen.findByRole("table", { name: "Repeated prompts" })
    const groups = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole("cell")
          .map((cell) => cell.textContent),
      )
    // The prompt typed three times comes first; a prompt run once is no group. The newest wording names a group.
    expect(groups.map((row) => [row[0], row[1], row[2], row[4], row[5]])).toEqual([
      ["A counter", "3", "67%", "0", "—"],
      ["Make the button red", "2", "50%", "2", "11 lines"],
    ])
    expect(groups[1]?.[3]).toContain("Passed")

    const changes = (await runRows()).map((row) => [row[0], row[10]])
    expect(changes).toEqual([
      ["#6", "+4 −2"],
      ["#5", "+10 −6"],
      ["#4", "new"],
      ["#3", "new"],
      ["#2", "new"],
      ["#1", "new"],
    ])
    expect(within(await runRow(0)).getByTitle("4 lines added, 2 removed, in 1 file")).toBeInTheDocument()
  })

  it("says no prompt was repeated when every prompt is new", async () => {
    renderWithServices(<InsightsPage />, createFakeApi(THREE_RUNS))
    expect(await screen.findByText(/No prompt has been run more than once yet/)).toBeInTheDocument()
    expect(screen.queryByRole("table", { name: "Repeated prompts" })).not.toBeInTheDocument()
  })

  it("says so when there are no runs yet", async () => {
    renderWithServices(<InsightsPage />, createFakeApi([]))
    expect(
      await screen.findByText("No runs yet — generate a component and its numbers appear here."),
    ).toBeInTheDocument()
    expect(screen.queryByRole("table")).not.toBeInTheDocument()
    expect(screen.getByRole("link", { name: "Open the studio" })).toHaveAttribute("href", "/")
  })

  it("shows the error and loads again on retry", async () => {
    const api = createFakeApi(THREE_RUNS)
    api.listObservations.mockRejectedValueOnce(
      new ApiRequestError("network", "The studio server cannot be reached.", 0),
    )
    renderWithServices(<InsightsPage />, api)

    const alert = await screen.findByRole("alert")
    expect(alert).toHaveTextContent("Your runs could not be loaded.")
    expect(alert).toHaveTextContent("The studio server cannot be reached.")

    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }))
    expect(await screen.findByRole("table", { name: "Recent runs" })).toBeInTheDocument()
    expect(screen.queryByRole("alert")).not.toBeInTheDocument()
    expect(api.listObservations).toHaveBeenCalledTimes(2)
  })

  it("links back to the studio", () => {
    renderWithServices(<InsightsPage />, createFakeApi())
    expect(screen.getByRole("link", { name: "Back to the studio" })).toHaveAttribute("href", "/")
  })
})
