import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import TagInput from "./TagInput"

const input = () => screen.getByLabelText("Tags", { selector: "input" })
const tags = () => screen.queryAllByRole("listitem").map((item) => item.textContent)

describe("TagInput (template)", () => {
  it("adds a tag on Enter or a comma and removes one with its button", async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<TagInput onChange={onChange} />)
    expect(tags()).toEqual(["design", "frontend"])
    await user.type(input(), "testing{Enter} search,")
    expect(tags()).toEqual(["design", "frontend", "testing", "search"])
    await user.click(screen.getByRole("button", { name: "Remove design" }))
    expect(onChange).toHaveBeenLastCalledWith(["frontend", "testing", "search"])
  })

  it("refuses a duplicate, ignoring case, and a tag past the limit", async () => {
    const user = userEvent.setup()
    render(<TagInput maxTags={3} />)
    await user.type(input(), "DESIGN{Enter}")
    expect(screen.getByRole("status")).toHaveTextContent("is already added")
    await user.type(input(), "one{Enter}two{Enter}")
    expect(tags()).toHaveLength(3)
    expect(screen.getByRole("status")).toHaveTextContent("You can add up to 3 tags")
  })
})
