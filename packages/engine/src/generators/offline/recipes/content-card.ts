import { capitalize, type PromptFacts } from "../facts"
import { str, type Recipe } from "../recipe"

function titleOf(facts: PromptFacts): string {
  const quoted = facts.quoted[0]
  if (quoted) return quoted
  const about =
    /\b(?:about|for|called|titled|named)\s+(?:an?\s+|the\s+)?([a-z][\w\s'-]{2,40}?)(?=[.,;!?]|\s+(?:with|and|that|which)\b|$)/i.exec(
      facts.text,
    )
  return about ? capitalize(about[1]!.trim()) : "Get started"
}

/**
 * The fallback: a content card with a title, a description and an action. Also what "a card" asks for. A prompt the
 * catalogue cannot place becomes this card, and the run says it is an approximation.
 */
export const contentCard: Recipe = {
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
  params: (facts) => [
    {
      name: "title",
      type: "string",
      value: titleOf(facts),
      description: "The card's heading.",
      control: "text",
    },
    {
      name: "description",
      type: "string",
      value: facts.quoted[1] ?? `Built from: ${facts.text.slice(0, 160) || "a short description"}`,
      description: "The text under the heading.",
      control: "text",
    },
    {
      name: "actionLabel",
      type: "string",
      value: facts.quoted[2] ?? "Continue",
      description: "The label of the card's button.",
      control: "text",
    },
  ],
  summary: (values) =>
    `A card titled "${str(values, "title")}" with a description and a ${str(values, "actionLabel")} button.`,
  requirements: (values) => [
    ["title", `Shows the heading "${str(values, "title")}"`],
    ["description", "Shows the description under the heading"],
    ["action", `The "${str(values, "actionLabel")}" button calls onAction when clicked`],
  ],
  component: (context) => `import { Button } from "@/components/ui/button"
${context.lookImports}

${context.propsInterface}

${context.signature}
  ${context.look}
  return (
    <div className={cn(look.className, "w-full max-w-sm")} style={look.style}>
      <section aria-labelledby="content-card-title" className="flex flex-col gap-4 rounded-xl border bg-card p-6 text-card-foreground shadow-sm">
        <h2 id="content-card-title" className="text-lg font-semibold leading-tight">
          {title}
        </h2>
        <p className="text-sm text-muted-foreground">{description}</p>
        <Button className="self-start" onClick={onAction}>
          {actionLabel}
        </Button>
      </section>
    </div>
  )
}
`,
  tests: (context) => `it("${context.id("title")}: shows the heading", () => {
  render(<${context.name} />)
  expect(screen.getByRole("heading", { name: ${context.lit(str(context.values, "title"))} })).toBeInTheDocument()
})

it("${context.id("description")}: shows the description", () => {
  render(<${context.name} />)
  expect(screen.getByText(${context.lit(str(context.values, "description"))})).toBeInTheDocument()
})

it("${context.id("action")}: the button calls onAction", async () => {
  const user = userEvent.setup()
  const onAction = vi.fn()
  render(<${context.name} onAction={onAction} />)
  await user.click(screen.getByRole("button", { name: ${context.lit(str(context.values, "actionLabel"))} }))
  expect(onAction).toHaveBeenCalledTimes(1)
})`,
}
