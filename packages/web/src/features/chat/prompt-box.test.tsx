import { API_LIMITS } from "@studio/protocol"
import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import { PromptBox } from "./prompt-box"

function renderBox(props: Partial<Parameters<typeof PromptBox>[0]> = {}) {
  const onSend = vi.fn()
  const onCancel = vi.fn()
  render(<PromptBox placeholder="Describe…" running={false} onSend={onSend} onCancel={onCancel} {...props} />)
  return { onSend, onCancel, prompt: screen.getByRole("textbox", { name: "Prompt" }) }
}

describe("PromptBox", () => {
  it("sends on Enter and clears; Shift+Enter makes a new line", async () => {
    const user = userEvent.setup()
    const { onSend, prompt } = renderBox()
    await user.type(prompt, "a star rating{Shift>}{Enter}{/Shift}with 7 stars")
    expect(prompt).toHaveValue("a star rating\nwith 7 stars")
    expect(onSend).not.toHaveBeenCalled()
    await user.keyboard("{Enter}")
    expect(onSend).toHaveBeenCalledWith("a star rating\nwith 7 stars")
    expect(prompt).toHaveValue("")
  })

  it("does not send an empty prompt, and Send is disabled until there is text", async () => {
    const user = userEvent.setup()
    const { onSend, prompt } = renderBox()
    expect(screen.getByRole("button", { name: "Send" })).toBeDisabled()
    await user.type(prompt, "   {Enter}")
    expect(onSend).not.toHaveBeenCalled()
    await user.type(prompt, "tabs")
    await user.click(screen.getByRole("button", { name: "Send" }))
    expect(onSend).toHaveBeenCalledWith("   tabs")
  })

  it("offers Cancel instead of Send while a run goes on, and Enter does not send", async () => {
    const user = userEvent.setup()
    const { onSend, onCancel, prompt } = renderBox({ running: true })
    expect(screen.queryByRole("button", { name: "Send" })).toBeNull()
    await user.type(prompt, "next{Enter}")
    expect(onSend).not.toHaveBeenCalled()
    await user.click(screen.getByRole("button", { name: "Cancel" }))
    expect(onCancel).toHaveBeenCalledOnce()
  })

  it("stops a prompt over the limit before it is sent, and says how long it is", async () => {
    const user = userEvent.setup()
    const { onSend, prompt } = renderBox()
    await user.click(prompt)
    await user.paste("x".repeat(API_LIMITS.promptChars + 1))
    expect(prompt).toHaveAttribute("aria-invalid", "true")
    expect(
      screen.getByText(
        `${(API_LIMITS.promptChars + 1).toLocaleString()} / ${API_LIMITS.promptChars.toLocaleString()}`,
      ),
    ).toBeInTheDocument()
    await user.keyboard("{Enter}")
    expect(onSend).not.toHaveBeenCalled()
  })
})

describe("PromptBox: Attach tests", () => {
  const testFile = (name: string, content = "test('likes', () => {})\n") =>
    new File([content], name, { type: "text/javascript" })

  it("attaches a test file, shows its name with a remove button, and sends it with the prompt (or alone)", async () => {
    const user = userEvent.setup()
    const { onSend, prompt } = renderBox()
    await user.upload(screen.getByLabelText("Test files"), testFile("LikeButton.test.js"))
    expect(await screen.findByText("LikeButton.test.js")).toBeInTheDocument()
    expect(screen.getByRole("button", { name: "Send" })).toBeEnabled()
    await user.click(screen.getByRole("button", { name: "Send" }))
    expect(onSend).toHaveBeenCalledWith("", [
      { name: "LikeButton.test.js", content: "test('likes', () => {})\n" },
    ])
    expect(screen.queryByText("LikeButton.test.js")).toBeNull()

    await user.upload(screen.getByLabelText("Test files"), testFile("Counter.test.js"))
    await user.click(await screen.findByRole("button", { name: "Remove Counter.test.js" }))
    expect(screen.queryByText("Counter.test.js")).toBeNull()
    await user.type(prompt, "a counter{Enter}")
    expect(onSend).toHaveBeenLastCalledWith("a counter")
  })

  it("refuses a file the server would refuse, saying why", async () => {
    const user = userEvent.setup({ applyAccept: false })
    renderBox()
    await user.upload(screen.getByLabelText("Test files"), testFile("notes.txt"))
    expect(await screen.findByRole("alert")).toHaveTextContent(/notes\.txt: a test file name must look like/)
    await user.upload(screen.getByLabelText("Test files"), testFile("Empty.test.js", " "))
    expect(await screen.findByRole("alert")).toHaveTextContent("Empty.test.js: the test file is empty")
    expect(screen.getByRole("button", { name: "Send" })).toBeDisabled()
  })
})
