import { defineRecipe, number, select, text } from "../../define-recipe"
import { mentions } from "../../facts"
import { quotedWith } from "../../readers"
import { code, testCase, type TestCase } from "../../test-builder"
import { POSITIONS, positionOf, readToastNotification, STICKY, variantOf } from "./reader"

/** "5 seconds", "1.5 seconds": a duration in words. */
function seconds(ms: number): string {
  if (ms <= 0) return "never (it stays until closed)"
  const value = ms / 1000
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${value === 1 ? "second" : "seconds"}`
}

/** A button that shows a toast: an aria-live region, auto-dismiss after a duration, a close button, stacking. */
export const toastNotification = defineRecipe({
  kind: "toast-notification",
  title: "Toast notification",
  names: ["ToastDemo", "ToastNotifications"],
  keywords: {
    strong: ["toast", "toast notification", "toaster", "snack bar"],
    weak: ["notification", "auto dismiss", "auto dismisses", "disappears", "flash message", "popup message"],
  },
  name: (facts) =>
    mentions(facts, "notifications", "notification system", "notification center", "toasts")
      ? "ToastNotifications"
      : "ToastDemo",
  params: {
    message: text("The toast's message."),
    triggerLabel: text("The label of the button that shows a toast."),
    durationMs: number("How long a toast stays before it dismisses itself, in milliseconds (0 keeps it)."),
    variant: select(["success", "error", "info"], "The toast's tone (icon and colour)."),
    position: select(POSITIONS, "Where toasts appear on the screen."),
  },
  read: readToastNotification,
  summary: ({ triggerLabel, message, durationMs }) =>
    `${/^[aeiou]/i.test(triggerLabel) ? "An" : "A"} "${triggerLabel}" button that shows the toast "${message}" ${durationMs > 0 ? `for ${seconds(durationMs)}` : "until it is closed"}.`,
  requirements: ({ triggerLabel, message, durationMs: duration }) => [
    ["show", `Clicking "${triggerLabel}" shows a toast saying "${message}" in a polite live region`],
    duration > 0
      ? ["dismiss", `A toast disappears by itself after ${seconds(duration)}`]
      : ["sticky", "A toast stays until it is closed"],
    ["close", "The toast's close button (labelled Dismiss notification) removes it"],
    ["stack", "Each click adds another toast; several stack up"],
  ],
  testSetup: () => code`
    beforeEach(() => {
      vi.useFakeTimers({ shouldAdvanceTime: true })
    })

    afterEach(() => {
      vi.useRealTimers()
    })
  `,
  tests: ({ Component, values: { message, triggerLabel, durationMs: duration }, has }) => {
    const margin = Math.min(500, Math.floor(duration / 2))
    const setup = code`
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
      render(<${Component} />)
      const region = screen.getByRole("region", { name: "Notifications" })
    `
    const clickTrigger = code`await user.click(screen.getByRole("button", { name: ${triggerLabel} }))`
    const tests: TestCase[] = [
      testCase(
        "show",
        "clicking the button shows the toast in a live region",
        code`
          ${setup}
          expect(region).toHaveAttribute("aria-live", "polite")
          expect(within(region).queryByText(${message})).not.toBeInTheDocument()
          ${clickTrigger}
          expect(within(region).getByText(${message})).toBeInTheDocument()
        `,
      ),
    ]
    if (has("dismiss"))
      tests.push(
        testCase(
          "dismiss",
          `the toast disappears by itself after ${seconds(duration)}`,
          code`
            ${setup}
            ${clickTrigger}
            act(() => {
              vi.advanceTimersByTime(${duration - margin})
            })
            expect(within(region).getByText(${message})).toBeInTheDocument()
            act(() => {
              vi.advanceTimersByTime(${margin + 50})
            })
            expect(within(region).queryByText(${message})).not.toBeInTheDocument()
          `,
        ),
      )
    if (has("sticky"))
      tests.push(
        testCase(
          "sticky",
          "the toast stays until it is closed",
          code`
            ${setup}
            ${clickTrigger}
            act(() => {
              vi.advanceTimersByTime(60_000)
            })
            expect(within(region).getByText(${message})).toBeInTheDocument()
          `,
        ),
      )
    tests.push(
      testCase(
        "close",
        "the close button removes the toast",
        code`
          ${setup}
          ${clickTrigger}
          await user.click(within(region).getByRole("button", { name: "Dismiss notification" }))
          expect(within(region).queryByText(${message})).not.toBeInTheDocument()
        `,
      ),
      testCase(
        "stack",
        "several toasts stack up",
        code`
          ${setup}
          ${clickTrigger}
          ${clickTrigger}
          expect(within(region).getAllByText(${message})).toHaveLength(2)
          await user.click(within(region).getAllByRole("button", { name: "Dismiss notification" })[0]!)
          expect(within(region).getAllByText(${message})).toHaveLength(1)
        `,
      ),
    )
    return tests
  },
  followUp: (facts) => {
    const next: {
      durationMs?: number
      position?: (typeof POSITIONS)[number]
      variant?: "success" | "error" | "info"
      message?: string
      triggerLabel?: string
    } = {}
    const applied: string[] = []
    const duration = facts.durationsMs[0]
    if (duration !== undefined) {
      next.durationMs = duration
      applied.push(`dismisses after ${seconds(duration)}`)
    } else if (STICKY.test(facts.lower)) {
      next.durationMs = 0
      applied.push("stays until closed")
    }
    const position = positionOf(facts)
    if (position) {
      next.position = position
      applied.push(`shown at the ${position.replace("-", " ")}`)
    }
    const variant = variantOf(facts)
    if (variant) {
      next.variant = variant
      applied.push(`${variant} style`)
    }
    const message = quotedWith(facts, /\b(?:says?|saying|message|text|reads?)\b[^"“”`]*$/i)
    if (message) {
      next.message = message
      applied.push(`message "${message}"`)
    }
    const trigger = quotedWith(facts, /\b(?:button|trigger)\b[^"“”`]*$/i, /^\s*button\b/i)
    if (trigger && trigger !== message) {
      next.triggerLabel = trigger
      applied.push(`button "${trigger}"`)
    }
    return { values: next, applied }
  },
  followUpHints: ["make it 10 seconds", "show it at the top", "error style", 'say "…"'],
})
