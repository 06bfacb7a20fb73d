import { act, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import { ApiRequestError } from "../../services/api-client"
import { createFakeApi, deferred, renderWithServices } from "./__fixtures__/fake-services"
import { FeedbackButtons } from "./feedback-buttons"

const ID = "0b5e0000-0000-4000-8000-000000000001"

const good = () => screen.getByRole("button", { name: "Good result" })
const bad = () => screen.getByRole("button", { name: "Bad result" })

describe("FeedbackButtons", () => {
  it("shows the stored vote", () => {
    renderWithServices(<FeedbackButtons observationId={ID} value={-1} />, createFakeApi())
    expect(good()).toHaveAttribute("aria-pressed", "false")
    expect(bad()).toHaveAttribute("aria-pressed", "true")
  })

  it("presses at once, posts the vote and reports it once stored", async () => {
    const api = createFakeApi()
    const request = deferred()
    api.sendFeedback.mockReturnValueOnce(request.promise)
    const onVoted = vi.fn()
    renderWithServices(<FeedbackButtons observationId={ID} value={null} onVoted={onVoted} />, api)

    await userEvent.click(good())
    expect(good()).toHaveAttribute("aria-pressed", "true")
    expect(api.sendFeedback).toHaveBeenCalledWith(ID, 1)
    expect(onVoted).not.toHaveBeenCalled()

    await act(async () => request.resolve())
    expect(onVoted).toHaveBeenCalledWith(1)
    expect(good()).toHaveAttribute("aria-pressed", "true")
  })

  it("changes a vote, and ignores pressing the active one again", async () => {
    const api = createFakeApi()
    renderWithServices(<FeedbackButtons observationId={ID} value={1} />, api)

    await userEvent.click(good())
    expect(api.sendFeedback).not.toHaveBeenCalled()

    await userEvent.click(bad())
    expect(api.sendFeedback).toHaveBeenCalledWith(ID, -1)
    expect(bad()).toHaveAttribute("aria-pressed", "true")
    expect(good()).toHaveAttribute("aria-pressed", "false")
  })

  it("rolls back and says so when the server refuses", async () => {
    const api = createFakeApi()
    const request = deferred()
    api.sendFeedback.mockReturnValueOnce(request.promise)
    const onVoted = vi.fn()
    renderWithServices(<FeedbackButtons observationId={ID} value={1} onVoted={onVoted} />, api)

    await userEvent.click(bad())
    expect(bad()).toHaveAttribute("aria-pressed", "true")

    await act(async () =>
      request.reject(new ApiRequestError("network", "The studio server cannot be reached.", 0)),
    )
    expect(good()).toHaveAttribute("aria-pressed", "true")
    expect(bad()).toHaveAttribute("aria-pressed", "false")
    expect(screen.getByRole("alert")).toHaveTextContent("Vote not saved")
    expect(onVoted).not.toHaveBeenCalled()

    // Trying again clears the message.
    await userEvent.click(bad())
    expect(screen.queryByRole("alert")).not.toBeInTheDocument()
    expect(bad()).toHaveAttribute("aria-pressed", "true")
  })

  it("does not let an older failed request undo a newer vote", async () => {
    const api = createFakeApi()
    const first = deferred()
    api.sendFeedback.mockReturnValueOnce(first.promise)
    renderWithServices(<FeedbackButtons observationId={ID} value={null} />, api)

    await userEvent.click(good())
    await userEvent.click(bad())
    await act(async () => first.reject(new Error("late failure")))

    expect(bad()).toHaveAttribute("aria-pressed", "true")
    expect(screen.queryByRole("alert")).not.toBeInTheDocument()
  })

  it("follows a newer stored vote from its parent", () => {
    const api = createFakeApi()
    const { rerender } = renderWithServices(<FeedbackButtons observationId={ID} value={null} />, api)
    expect(good()).toHaveAttribute("aria-pressed", "false")
    rerender(<FeedbackButtons observationId={ID} value={1} />)
    expect(good()).toHaveAttribute("aria-pressed", "true")
  })
})
