import { defineRecipe, number, text } from "../../define-recipe"
import { HEADING_ROLES, quotedFor, toggleRequest } from "../../readers"
import { code, testCase } from "../../test-builder"
import { lengthOf, readOtpInput, resendSecondsOf } from "./reader"

/** One box per digit: typing moves on, Backspace goes back, pasting fills every box, onComplete gets the code. */
export const otpInput = defineRecipe({
  kind: "otp-input",
  title: "One-time code input",
  names: ["OtpInput"],
  keywords: {
    strong: [
      "otp",
      "otp input",
      "one time code",
      "one time password",
      "verification code",
      "pin input",
      "pin code",
      "2fa code",
      "two factor",
      "2fa",
      "digit code",
      "code input",
      "passcode",
      "security code",
      "pin entry",
      "pin field",
      "pin",
    ],
    weak: ["verify", "verification", "digits", "sms code"],
  },
  callbacks: [
    {
      name: "onComplete",
      type: "(code: string) => void",
      description: "Called with the code once every box is filled.",
    },
    { name: "onResend", type: "() => void", description: 'Called when "Resend code" is clicked.' },
  ],
  params: {
    length: number("How many digits the code has (one box each)."),
    title: text("The heading above the boxes."),
    description: text("The line under the heading."),
    resendSeconds: number('Seconds before "Resend code" can be clicked again (0: no resend button).'),
  },
  read: readOtpInput,
  summary: ({ length }) =>
    `A ${length}-digit code input that moves focus as you type, goes back on Backspace, ` +
    `fills from a paste and reports the code when complete.`,
  requirements: ({ length, title, resendSeconds }) => {
    const list: [string, string][] = [
      ["boxes", `Shows ${length} labelled digit boxes under "${title}"`],
      [
        "advance",
        "Typing a digit fills the box and moves focus to the next one; other characters are ignored",
      ],
      ["backspace", "Backspace in an empty box clears the previous box and moves focus back to it"],
      ["paste", `Pasting a ${length}-digit code fills every box`],
      ["complete", `Calls onComplete with the ${length}-digit code once every box is filled`],
    ]
    if (resendSeconds > 0)
      list.push([
        "resend",
        `"Resend code" is disabled for ${resendSeconds} seconds, then calls onResend and restarts the wait`,
      ])
    return list
  },
  followUp: (facts) => {
    const next: { length?: number; resendSeconds?: number; title?: string } = {}
    const applied: string[] = []
    const length = lengthOf(facts)
    if (length !== undefined) {
      next.length = length
      applied.push(`${length} digits`)
    }
    const resend = toggleRequest(facts, "resend", "resend button", "resend link", "send again")
    if (resend !== undefined) {
      next.resendSeconds = resend ? resendSecondsOf(facts) || 30 : 0
      applied.push(
        resend ? `a resend button after ${String(next.resendSeconds)} seconds` : "no resend button",
      )
    }
    const title = quotedFor(facts, HEADING_ROLES)
    if (title) {
      next.title = title
      applied.push(`the heading "${title}"`)
    }
    return { values: next, applied }
  },
  followUpHints: ["N digits", "add a resend button (after N seconds)", 'heading "…"'],
  tests: ({ Component, values, has }) => {
    const length = Math.max(1, Math.floor(values.length))
    const digits = "739204816352".slice(0, length).padEnd(length, "7")
    const box = (index: number) => code`screen.getByLabelText(${`Digit ${index} of ${length}`})`
    const seconds = values.resendSeconds
    const tests = [
      testCase(
        "boxes",
        `shows ${length} labelled digit boxes`,
        code`
          render(<${Component} />)
          expect(screen.getByRole("heading", { name: ${values.title} })).toBeInTheDocument()
          const group = screen.getByRole("group", { name: ${values.title} })
          expect(within(group).getAllByRole("textbox")).toHaveLength(${length})
          expect(${box(1)}).toHaveAttribute("inputmode", "numeric")
        `,
      ),
      testCase(
        "advance",
        "typing fills a box and moves focus to the next",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.click(${box(1)})
          await user.keyboard("x")
          expect(${box(1)}).toHaveValue("")
          await user.keyboard(${digits.slice(0, 2)})
          expect(${box(1)}).toHaveValue(${digits[0] ?? ""})
          expect(${box(2)}).toHaveValue(${digits[1] ?? ""})
          expect(${box(Math.min(3, length))}).toHaveFocus()
        `,
      ),
      testCase(
        "backspace",
        "Backspace in an empty box clears the previous one and moves back",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.click(${box(1)})
          await user.keyboard(${digits.slice(0, 2)})
          expect(${box(3)}).toHaveFocus()
          await user.keyboard("{Backspace}")
          expect(${box(2)}).toHaveFocus()
          expect(${box(2)}).toHaveValue("")
          expect(${box(1)}).toHaveValue(${digits[0] ?? ""})
        `,
      ),
      testCase(
        "paste",
        "pasting the code fills every box",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.click(${box(1)})
          await user.paste(${digits})
          const boxes = screen.getAllByRole("textbox").map((input) => (input as HTMLInputElement).value)
          expect(boxes).toEqual(${digits.split("")})
        `,
      ),
      testCase(
        "complete",
        "calls onComplete with the code once every box is filled",
        code`
          const user = userEvent.setup()
          const onComplete = vi.fn()
          render(<${Component} onComplete={onComplete} />)
          await user.click(${box(1)})
          await user.keyboard(${digits.slice(0, -1)})
          expect(onComplete).not.toHaveBeenCalled()
          await user.keyboard(${digits.slice(-1)})
          expect(onComplete).toHaveBeenCalledTimes(1)
          expect(onComplete).toHaveBeenCalledWith(${digits})
        `,
      ),
    ]
    if (has("resend"))
      tests.push(
        testCase(
          "resend",
          `Resend code waits ${seconds} seconds, then calls onResend`,
          code`
            vi.useFakeTimers({ shouldAdvanceTime: true })
            try {
              const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
              const onResend = vi.fn()
              render(<${Component} onResend={onResend} />)
              expect(screen.getByRole("button", { name: ${`Resend code in ${seconds}s`} })).toBeDisabled()
              act(() => {
                vi.advanceTimersByTime(${seconds * 1000})
              })
              await user.click(screen.getByRole("button", { name: "Resend code" }))
              expect(onResend).toHaveBeenCalledTimes(1)
              expect(screen.getByRole("button", { name: /^Resend code in \\d+s$/ })).toBeDisabled()
            } finally {
              vi.useRealTimers()
            }
          `,
        ),
      )
    return tests
  },
})
