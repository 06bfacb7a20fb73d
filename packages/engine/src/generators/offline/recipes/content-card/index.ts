import { defineRecipe, text } from "../../define-recipe"
import { code, testCase } from "../../test-builder"
import { readContentCard } from "./reader"

/**
 * The fallback: a content card with a title, a description and an action. Also what "a card" asks for. A prompt the
 * catalogue cannot place becomes this card, and the run says it is an approximation.
 */
export const contentCard = defineRecipe({
  kind: "content-card",
  title: "Content card",
  names: ["ContentCard"],
  keywords: {
    strong: ["card", "info card", "callout", "panel"],
    weak: ["box", "widget", "section", "block"],
  },
  callbacks: [
    { name: "onAction", type: "() => void", description: "Called when the action button is clicked." },
  ],
  params: {
    title: text("The card's heading."),
    description: text("The text under the heading."),
    actionLabel: text("The label of the card's button."),
  },
  read: readContentCard,
  summary: ({ title, actionLabel }) =>
    `A card titled "${title}" with a description and a ${actionLabel} button.`,
  requirements: ({ title, actionLabel }) => [
    ["title", `Shows the heading "${title}"`],
    ["description", "Shows the description under the heading"],
    ["action", `The "${actionLabel}" button calls onAction when clicked`],
  ],
  tests: ({ Component, values: { title, description, actionLabel } }) => [
    testCase(
      "title",
      "shows the heading",
      code`
        render(<${Component} />)
        expect(screen.getByRole("heading", { name: ${title} })).toBeInTheDocument()
      `,
    ),
    testCase(
      "description",
      "shows the description",
      code`
        render(<${Component} />)
        expect(screen.getByText(${description})).toBeInTheDocument()
      `,
    ),
    testCase(
      "action",
      "the button calls onAction",
      code`
        const user = userEvent.setup()
        const onAction = vi.fn()
        render(<${Component} onAction={onAction} />)
        await user.click(screen.getByRole("button", { name: ${actionLabel} }))
        expect(onAction).toHaveBeenCalledTimes(1)
      `,
    ),
  ],
})
