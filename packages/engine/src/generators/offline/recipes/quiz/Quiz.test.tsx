import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import Quiz from "./Quiz"

const QUESTIONS = [
  { question: "2 + 2?", choices: "3|4|5", answer: "4" },
  { question: "Capital of France?", choices: "Paris | Lyon", answer: "Paris" },
]

describe("Quiz (template)", () => {
  it("waits for a choice, counts the right answers and starts again", async () => {
    const user = userEvent.setup()
    const onComplete = vi.fn()
    render(<Quiz questions={QUESTIONS} onComplete={onComplete} />)
    expect(screen.getByText("Question 1 of 2")).toBeInTheDocument()
    expect(screen.getByRole("button", { name: "Next" })).toBeDisabled()
    await user.click(screen.getByRole("radio", { name: "3" }))
    await user.click(screen.getByRole("button", { name: "Next" }))
    expect(screen.getByRole("group", { name: "Capital of France?" })).toBeInTheDocument()
    await user.click(screen.getByRole("radio", { name: "Paris" }))
    await user.click(screen.getByRole("button", { name: "See results" }))
    expect(screen.getByRole("status")).toHaveTextContent("You scored 1/2")
    expect(onComplete).toHaveBeenCalledWith(1, 2)
    await user.click(screen.getByRole("button", { name: "Restart quiz" }))
    expect(screen.getByText("Question 1 of 2")).toBeInTheDocument()
  })

  it("with feedback, marks the answer and locks the other choices", async () => {
    const user = userEvent.setup()
    render(<Quiz questions={QUESTIONS} showFeedback />)
    await user.click(screen.getByRole("radio", { name: "5" }))
    expect(screen.getByText("Not quite. The answer is 4.")).toBeInTheDocument()
    expect(screen.getByRole("radio", { name: "4" })).toBeDisabled()
    await user.click(screen.getByRole("button", { name: "Next" }))
    await user.click(screen.getByRole("radio", { name: "Paris" }))
    expect(screen.getByText("Correct!")).toBeInTheDocument()
  })
})
