import { fireEvent, render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import FileUpload from "./FileUpload"

const listed = () => screen.queryAllByRole("listitem").map((item) => item.querySelector("span")?.textContent)

describe("FileUpload (template)", () => {
  it("lists chosen and dropped files with their sizes, and removes them", async () => {
    const user = userEvent.setup()
    const onFilesChange = vi.fn()
    render(<FileUpload onFilesChange={onFilesChange} />)
    expect(screen.getByText("Any file type up to 10 MB")).toBeInTheDocument()
    const notes = new File(["hello"], "notes.txt", { type: "text/plain" })
    await user.upload(screen.getByLabelText("Upload files"), notes)
    const dropped = new File(["x".repeat(3 * 1024 * 1024)], "big.txt", { type: "text/plain" })
    fireEvent.drop(screen.getByRole("group", { name: "Drop files here" }), {
      dataTransfer: { files: [dropped] },
    })
    expect(listed()).toEqual(["notes.txt", "big.txt"])
    expect(screen.getByText("1 KB")).toBeInTheDocument()
    expect(screen.getByText("3.0 MB")).toBeInTheDocument()
    expect(onFilesChange).toHaveBeenLastCalledWith([notes, dropped])
    await user.click(screen.getByRole("button", { name: "Remove notes.txt" }))
    expect(onFilesChange).toHaveBeenLastCalledWith([dropped])
  })

  it("refuses other types, files over the limit and files beyond the most allowed", async () => {
    const user = userEvent.setup({ applyAccept: false })
    render(<FileUpload accept={["image/*", ".pdf"]} typesLabel="Images or PDF" maxSizeMb={1} maxFiles={2} />)
    const input = screen.getByLabelText("Upload files")
    expect(input).toHaveAttribute("accept", "image/*,.pdf")
    await user.upload(input, new File(["hello"], "setup.exe", { type: "application/x-msdownload" }))
    expect(screen.getByRole("alert")).toHaveTextContent("setup.exe is not a supported file type")
    const big = new File(["hello"], "big.pdf", { type: "application/pdf" })
    Object.defineProperty(big, "size", { value: 1024 * 1024 + 1 })
    await user.upload(input, big)
    expect(screen.getByRole("alert")).toHaveTextContent("big.pdf is larger than 1 MB")
    await user.upload(
      input,
      ["a.png", "b.png", "c.png"].map((name) => new File(["hello"], name, { type: "image/png" })),
    )
    expect(listed()).toEqual(["a.png", "b.png"])
    expect(screen.getByRole("alert")).toHaveTextContent("You can upload up to 2 files")
  })

  it("holds one file when multiple is off: another replaces it", async () => {
    const user = userEvent.setup()
    render(<FileUpload multiple={false} maxFiles={1} />)
    await user.upload(screen.getByLabelText("Upload files"), new File(["a"], "first.txt"))
    await user.upload(screen.getByLabelText("Upload files"), new File(["b"], "second.txt"))
    expect(listed()).toEqual(["second.txt"])
  })
})
