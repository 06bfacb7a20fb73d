import { render, screen } from "@testing-library/react"
import { describe, it, expect } from "vitest"

import { Alert, AlertDescription, AlertTitle } from "./alert"

describe("Alert", () => {
  it("has role alert with its title and description", () => {
    render(
      <Alert>
        <AlertTitle>Heads up!</AlertTitle>
        <AlertDescription>You can add components to your app.</AlertDescription>
      </Alert>,
    )
    const alert = screen.getByRole("alert")
    expect(alert).toHaveTextContent("Heads up!")
    expect(alert).toHaveTextContent("You can add components to your app.")
    expect(alert).toHaveAttribute("data-slot", "alert")
    expect(screen.getByText("Heads up!")).toHaveAttribute("data-slot", "alert-title")
    expect(screen.getByText("You can add components to your app.")).toHaveAttribute(
      "data-slot",
      "alert-description",
    )
  })

  it("uses the default variant styles", () => {
    render(<Alert>Saved</Alert>)
    const alert = screen.getByRole("alert")
    expect(alert).toHaveClass("bg-card", "text-card-foreground")
    expect(alert).not.toHaveClass("text-destructive")
  })

  it("applies the destructive variant class", () => {
    render(
      <Alert variant="destructive">
        <AlertTitle>Error</AlertTitle>
        <AlertDescription>Your session has expired.</AlertDescription>
      </Alert>,
    )
    const alert = screen.getByRole("alert")
    expect(alert).toHaveClass("text-destructive")
    expect(alert).not.toHaveClass("text-card-foreground")
  })

  it("merges a custom className", () => {
    render(<Alert className="mt-4">Note</Alert>)
    expect(screen.getByRole("alert")).toHaveClass("mt-4", "rounded-lg")
  })
})
