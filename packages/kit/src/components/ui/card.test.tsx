import { describe, it, expect } from "vitest"
import { render, screen, within } from "@testing-library/react"

import { Button } from "./button"
import { Card, CardAction, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "./card"

function ProfileCard() {
  return (
    <Card data-testid="card" aria-labelledby="card-title">
      <CardHeader>
        <CardTitle id="card-title">Ada Lovelace</CardTitle>
        <CardDescription>Mathematician</CardDescription>
        <CardAction>
          <Button variant="link">Follow</Button>
        </CardAction>
      </CardHeader>
      <CardContent>Wrote the first program.</CardContent>
      <CardFooter>
        <Button>Message</Button>
      </CardFooter>
    </Card>
  )
}

describe("Card", () => {
  it("renders every part with its content", () => {
    render(<ProfileCard />)
    const card = screen.getByTestId("card")
    expect(within(card).getByText("Ada Lovelace")).toBeInTheDocument()
    expect(within(card).getByText("Mathematician")).toBeInTheDocument()
    expect(within(card).getByText("Wrote the first program.")).toBeInTheDocument()
    expect(within(card).getByRole("button", { name: "Follow" })).toBeInTheDocument()
    expect(within(card).getByRole("button", { name: "Message" })).toBeInTheDocument()
  })

  it("marks each part with its data-slot and shadcn classes", () => {
    render(<ProfileCard />)
    const card = screen.getByTestId("card")
    expect(card).toHaveAttribute("data-slot", "card")
    expect(card).toHaveClass("bg-card", "text-card-foreground", "rounded-xl", "border", "shadow-sm")
    expect(screen.getByText("Ada Lovelace")).toHaveAttribute("data-slot", "card-title")
    expect(screen.getByText("Ada Lovelace")).toHaveClass("font-semibold")
    expect(screen.getByText("Mathematician")).toHaveAttribute("data-slot", "card-description")
    expect(screen.getByText("Mathematician")).toHaveClass("text-muted-foreground", "text-sm")
    expect(screen.getByText("Wrote the first program.")).toHaveAttribute("data-slot", "card-content")
    expect(screen.getByRole("button", { name: "Follow" }).parentElement).toHaveAttribute(
      "data-slot",
      "card-action",
    )
    expect(screen.getByRole("button", { name: "Message" }).parentElement).toHaveAttribute(
      "data-slot",
      "card-footer",
    )
    expect(screen.getByText("Ada Lovelace").parentElement).toHaveAttribute("data-slot", "card-header")
  })

  it("passes native attributes through, so a card can be a named region", () => {
    render(<ProfileCard />)
    expect(screen.getByTestId("card")).toHaveAccessibleName("Ada Lovelace")
  })

  it("merges custom classes over the defaults", () => {
    render(
      <Card className="rounded-none gap-2">
        <CardContent className="px-2">Body</CardContent>
      </Card>,
    )
    const content = screen.getByText("Body")
    expect(content).toHaveClass("px-2")
    expect(content).not.toHaveClass("px-6")
    expect(content.parentElement).toHaveClass("rounded-none", "gap-2")
    expect(content.parentElement).not.toHaveClass("rounded-xl")
  })
})
