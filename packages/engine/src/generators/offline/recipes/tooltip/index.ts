import { defineRecipe, select, text } from "../../define-recipe"
import { code, NO_CODE, testCase } from "../../test-builder"
import { ACTIONS, ICONS, isInfo, readTooltip, SIDES, sideOf, tooltipText } from "./reader"

/** A tooltip from the kit on an icon button (TooltipButton) or on an info icon next to a term (InfoTooltip). */
export const tooltip = defineRecipe({
  kind: "tooltip",
  title: "Tooltip",
  names: ["TooltipButton", "InfoTooltip"],
  keywords: {
    // "tool tip" also finds "tooltip" and "tool-tip".
    strong: ["tool tip", "tooltip with", "hover hint", "hover text", "info tooltip"],
    weak: ["on hover", "when hovering", "hint", "info icon", "help icon", "question mark icon"],
  },
  callbacks: [
    {
      name: "onClick",
      type: "() => void",
      description: "Called when the icon button is clicked (TooltipButton).",
    },
  ],
  name: (facts) => (isInfo(facts) ? "InfoTooltip" : "TooltipButton"),
  params: {
    term: text("The term shown next to the icon that the tooltip explains; empty for an icon button alone."),
    label: text("The icon button's accessible name."),
    text: text("The tooltip's text."),
    icon: select(ICONS, "The icon of the trigger."),
    side: select(SIDES, "Where the tooltip appears relative to its trigger."),
  },
  read: readTooltip,
  summary: ({ term, text, label }) =>
    term
      ? `"${term}" with an info icon whose tooltip says "${text}".`
      : `A "${label}" icon button with the tooltip "${text}".`,
  requirements: ({ term, label, text, side }) => [
    [
      "trigger",
      term
        ? `Shows "${term}" with an icon button labelled "${label}"`
        : `Shows an icon button labelled "${label}" that calls onClick`,
    ],
    ["hover", `Hovering the icon shows the tooltip "${text}", which describes the button`],
    ["leave", "Moving the pointer away hides the tooltip"],
    ["focus", "Keyboard focus shows the tooltip; Escape and moving focus away hide it"],
    ["side", `The tooltip is placed on the ${side} side`],
  ],
  tests: ({ Component, values: { label, text, term, side } }) => {
    const trigger = code`screen.getByRole("button", { name: ${label} })`
    return [
      testCase(
        "trigger",
        `shows ${term ? "the term with " : ""}the icon button, which calls onClick`,
        code`
          const user = userEvent.setup()
          const onClick = vi.fn()
          render(<${Component} onClick={onClick} />)
          ${term ? code`expect(screen.getByText(${term})).toBeInTheDocument()` : NO_CODE}
          expect(screen.queryByRole("tooltip")).not.toBeInTheDocument()
          await user.click(${trigger})
          expect(onClick).toHaveBeenCalledTimes(1)
        `,
      ),
      testCase(
        "hover",
        "hovering shows the tooltip, which describes the button",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.hover(${trigger})
          expect(await screen.findByRole("tooltip")).toHaveTextContent(${text})
          expect(${trigger}).toHaveAccessibleDescription(${text})
        `,
      ),
      testCase(
        "leave",
        "moving the pointer away hides the tooltip",
        code`
          const user = userEvent.setup()
          render(
            <>
              <${Component} />
              <p>Elsewhere</p>
            </>,
          )
          const trigger = ${trigger}
          await user.hover(trigger)
          await screen.findByRole("tooltip")
          await user.unhover(trigger)
          await user.pointer({ target: screen.getByText("Elsewhere"), coords: { clientX: 400, clientY: 400 } })
          expect(screen.queryByRole("tooltip")).not.toBeInTheDocument()
        `,
      ),
      testCase(
        "focus",
        "keyboard focus shows the tooltip; Escape and blur hide it",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.tab()
          expect(${trigger}).toHaveFocus()
          expect(await screen.findByRole("tooltip")).toHaveTextContent(${text})
          await user.keyboard("{Escape}")
          expect(screen.queryByRole("tooltip")).not.toBeInTheDocument()

          await user.tab()
          await user.tab({ shift: true })
          expect(${trigger}).toHaveFocus()
          expect(await screen.findByRole("tooltip")).toBeInTheDocument()
          await user.tab()
          expect(${trigger}).not.toHaveFocus()
          expect(screen.queryByRole("tooltip")).not.toBeInTheDocument()
        `,
      ),
      testCase(
        "side",
        `the tooltip is placed on the ${side} side`,
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.hover(${trigger})
          await screen.findByRole("tooltip")
          expect(document.querySelector('[data-slot="tooltip-content"]')).toHaveAttribute("data-side", ${side})
        `,
      ),
    ]
  },
  followUp: (facts) => {
    const next: { side?: (typeof SIDES)[number]; text?: string; icon?: (typeof ICONS)[number] } = {}
    const applied: string[] = []
    const side = sideOf(facts)
    if (side) {
      next.side = side
      applied.push(`shown on the ${side}`)
    }
    const text = tooltipText(facts)
    if (text) {
      next.text = text
      applied.push(`text "${text}"`)
    }
    const action = ACTIONS.find(([pattern]) => pattern.test(facts.lower))
    if (action && /\bicon\b/.test(facts.lower)) {
      next.icon = action[1]
      applied.push(`${action[1]} icon`)
    }
    return { values: next, applied }
  },
  followUpHints: ["put it on the right / below", 'say "…"', "use a copy icon"],
})
