import { render, screen } from "@testing-library/react"
import { describe, it, expect } from "vitest"

import { Avatar, AvatarFallback, AvatarImage } from "./avatar"

describe("Avatar", () => {
  it("shows the fallback while the image has not loaded", () => {
    render(
      <Avatar>
        <AvatarImage src="https://example.com/ada.png" alt="Ada Lovelace" />
        <AvatarFallback>AL</AvatarFallback>
      </Avatar>,
    )
    expect(screen.getByText("AL")).toBeInTheDocument()
    expect(screen.getByText("AL")).toHaveAttribute("data-slot", "avatar-fallback")
    expect(screen.queryByRole("img", { name: "Ada Lovelace" })).not.toBeInTheDocument()
  })

  it("shows the fallback when there is no image source", () => {
    render(
      <Avatar>
        <AvatarImage alt="Nobody" />
        <AvatarFallback>NB</AvatarFallback>
      </Avatar>,
    )
    expect(screen.getByText("NB")).toBeInTheDocument()
    expect(screen.queryByRole("img")).not.toBeInTheDocument()
  })

  it("renders a rounded root with data-slot and size", () => {
    const { container } = render(
      <Avatar className="size-12" size="lg">
        <AvatarFallback>CN</AvatarFallback>
      </Avatar>,
    )
    const root = container.querySelector('[data-slot="avatar"]')
    expect(root).toHaveClass("rounded-full", "size-12")
    expect(root).not.toHaveClass("size-8")
    expect(root).toHaveAttribute("data-size", "lg")
  })
})
