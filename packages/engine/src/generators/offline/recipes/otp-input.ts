import { countOf, mentions, type PromptFacts } from "../facts"
import { num, str, type Recipe, type Values } from "../recipe"
import { HEADING_ROLES, quotedFor, toggleRequest } from "./login-form"

const NUMBER_WORDS: Record<string, number> = {
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
}

/** "6-digit code", "4 digits", "six digit pin", "8 boxes" → the number of boxes. */
function lengthOf(facts: PromptFacts): number | undefined {
  const match =
    /\b(\d+|three|four|five|six|seven|eight|nine|ten)[\s-]*(?:digits?|numbers?|characters?|chars?|boxes|box|fields?|inputs?|slots?|cells?)\b/.exec(
      facts.lower,
    )
  const value = match ? (NUMBER_WORDS[match[1]!] ?? Number(match[1])) : countOf(facts, "digit")
  return value !== undefined && value >= 3 && value <= 10 ? value : undefined
}

function resendSecondsOf(facts: PromptFacts): number {
  if (!mentions(facts, "resend", "send again", "new code", "send another")) return 0
  const seconds = Math.round((facts.durationsMs[0] ?? 30_000) / 1000)
  return seconds > 0 && seconds <= 600 ? seconds : 30
}

/** One box per digit: typing moves on, Backspace goes back, pasting fills every box, onComplete gets the code. */
export const otpInput: Recipe = {
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
  params: (facts) => [
    {
      name: "length",
      type: "number",
      value: lengthOf(facts) ?? 6,
      description: "How many digits the code has (one box each).",
      control: "number",
    },
    {
      name: "title",
      type: "string",
      value:
        quotedFor(facts, HEADING_ROLES) ??
        (mentions(facts, "pin") ? "Enter your PIN" : "Enter verification code"),
      description: "The heading above the boxes.",
      control: "text",
    },
    {
      name: "description",
      type: "string",
      value: mentions(facts, "sms", "phone", "text message", "texted", "mobile")
        ? "We texted a code to your phone. It expires in 10 minutes."
        : mentions(facts, "pin")
          ? "Enter the PIN you chose for your account."
          : "We sent a code to your email. It expires in 10 minutes.",
      description: "The line under the heading.",
      control: "text",
    },
    {
      name: "resendSeconds",
      type: "number",
      value: resendSecondsOf(facts),
      description: 'Seconds before "Resend code" can be clicked again (0: no resend button).',
      control: "number",
    },
  ],
  summary: (values) =>
    `A ${num(values, "length", 6)}-digit code input that moves focus as you type, goes back on Backspace, ` +
    `fills from a paste and reports the code when complete.`,
  requirements: (values) => {
    const length = num(values, "length", 6)
    const list: [string, string][] = [
      ["boxes", `Shows ${length} labelled digit boxes under "${str(values, "title")}"`],
      [
        "advance",
        "Typing a digit fills the box and moves focus to the next one; other characters are ignored",
      ],
      ["backspace", "Backspace in an empty box clears the previous box and moves focus back to it"],
      ["paste", `Pasting a ${length}-digit code fills every box`],
      ["complete", `Calls onComplete with the ${length}-digit code once every box is filled`],
    ]
    const seconds = num(values, "resendSeconds")
    if (seconds > 0)
      list.push([
        "resend",
        `"Resend code" is disabled for ${seconds} seconds, then calls onResend and restarts the wait`,
      ])
    return list
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
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
  component: (
    context,
  ) => `import { useEffect, useId, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react"
import { Button } from "@/components/ui/button"
${context.lookImports}

${context.propsInterface}

${context.signature}
  ${context.look}
  const id = useId()
  const count = Math.max(1, Math.floor(length))
  const [digits, setDigits] = useState<string[]>(() => Array.from({ length: count }, () => ""))
  const [secondsLeft, setSecondsLeft] = useState(resendSeconds)
  const inputs = useRef<(HTMLInputElement | null)[]>([])
  const counting = secondsLeft > 0
  const boxes = Array.from({ length: count }, (_, index) => digits[index] ?? "")

  useEffect(() => {
    if (!counting) return
    const timer = setInterval(() => setSecondsLeft((seconds) => Math.max(0, seconds - 1)), 1000)
    return () => clearInterval(timer)
  }, [counting])

  function focusBox(index: number) {
    const box = inputs.current[Math.min(Math.max(index, 0), count - 1)]
    box?.focus()
    box?.select()
  }

  function commit(next: string[]) {
    setDigits(next)
    if (next.every((digit) => digit !== "")) onComplete?.(next.join(""))
  }

  function fill(from: number, text: string) {
    const incoming = text.replace(/\\D/g, "").split("")
    if (incoming.length === 0) return
    const start = incoming.length >= count ? 0 : from
    const next = [...boxes]
    incoming.slice(0, count - start).forEach((digit, offset) => {
      next[start + offset] = digit
    })
    commit(next)
    focusBox(Math.min(start + incoming.length, count - 1))
  }

  function handleChange(index: number, value: string) {
    const typed = value.replace(/\\D/g, "")
    if (typed.length > 2) return fill(index, typed)
    const next = [...boxes]
    next[index] = typed.slice(-1)
    commit(next)
    if (typed && index < count - 1) focusBox(index + 1)
  }

  function handleKeyDown(index: number, event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Backspace" && !digits[index] && index > 0) {
      event.preventDefault()
      const next = [...boxes]
      next[index - 1] = ""
      setDigits(next)
      focusBox(index - 1)
    } else if (event.key === "ArrowLeft" && index > 0) {
      event.preventDefault()
      focusBox(index - 1)
    } else if (event.key === "ArrowRight" && index < count - 1) {
      event.preventDefault()
      focusBox(index + 1)
    }
  }

  function handlePaste(index: number, event: ClipboardEvent<HTMLInputElement>) {
    event.preventDefault()
    fill(index, event.clipboardData.getData("text"))
  }

  function resend() {
    onResend?.()
    setDigits(Array.from({ length: count }, () => ""))
    setSecondsLeft(resendSeconds)
    focusBox(0)
  }

  return (
    <div className={cn(look.className, "w-full max-w-md p-4")} style={look.style}>
      <section
        aria-labelledby={id + "-title"}
        className="flex flex-col items-center gap-6 rounded-xl border bg-card p-6 text-center text-card-foreground shadow-sm"
      >
        <div className="flex flex-col gap-1">
          <h2 id={id + "-title"} className="text-xl font-semibold leading-tight">
            {title}
          </h2>
          {description && (
            <p id={id + "-description"} className="text-sm text-muted-foreground">
              {description}
            </p>
          )}
        </div>
        <div
          role="group"
          aria-labelledby={id + "-title"}
          aria-describedby={description ? id + "-description" : undefined}
          className="flex justify-center gap-2"
        >
          {boxes.map((digit, index) => (
            <input
              key={index}
              ref={(element) => {
                inputs.current[index] = element
              }}
              type="text"
              inputMode="numeric"
              pattern="[0-9]*"
              autoComplete={index === 0 ? "one-time-code" : "off"}
              aria-label={"Digit " + (index + 1) + " of " + count}
              value={digit}
              onChange={(event) => handleChange(index, event.target.value)}
              onKeyDown={(event) => handleKeyDown(index, event)}
              onPaste={(event) => handlePaste(index, event)}
              onFocus={(event) => event.target.select()}
              className="size-11 rounded-md border border-input bg-background text-center text-lg font-semibold tabular-nums shadow-xs transition-[color,box-shadow] focus-visible:border-ring focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring sm:size-12"
            />
          ))}
        </div>
        {resendSeconds > 0 && (
          <div className="flex flex-col items-center gap-1 text-sm text-muted-foreground">
            <span>{"Didn't get a code?"}</span>
            <Button type="button" variant="link" className="h-auto p-0" disabled={counting} onClick={resend}>
              {counting ? "Resend code in " + secondsLeft + "s" : "Resend code"}
            </Button>
          </div>
        )}
      </section>
    </div>
  )
}
`,
  tests: (context) => {
    const { name, values, lit } = context
    const length = Math.max(1, Math.floor(num(values, "length", 6)))
    const code = "739204816352".slice(0, length).padEnd(length, "7")
    const box = (index: number) => `screen.getByLabelText("Digit ${index} of ${length}")`
    const tests = [
      `it("${context.id("boxes")}: shows ${length} labelled digit boxes", () => {
  render(<${name} />)
  expect(screen.getByRole("heading", { name: ${lit(str(values, "title"))} })).toBeInTheDocument()
  const group = screen.getByRole("group", { name: ${lit(str(values, "title"))} })
  expect(within(group).getAllByRole("textbox")).toHaveLength(${length})
  expect(${box(1)}).toHaveAttribute("inputmode", "numeric")
})`,
      `it("${context.id("advance")}: typing fills a box and moves focus to the next", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.click(${box(1)})
  await user.keyboard("x")
  expect(${box(1)}).toHaveValue("")
  await user.keyboard(${lit(code.slice(0, 2))})
  expect(${box(1)}).toHaveValue(${lit(code[0] ?? "")})
  expect(${box(2)}).toHaveValue(${lit(code[1] ?? "")})
  expect(${box(Math.min(3, length))}).toHaveFocus()
})`,
      `it("${context.id("backspace")}: Backspace in an empty box clears the previous one and moves back", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.click(${box(1)})
  await user.keyboard(${lit(code.slice(0, 2))})
  expect(${box(3)}).toHaveFocus()
  await user.keyboard("{Backspace}")
  expect(${box(2)}).toHaveFocus()
  expect(${box(2)}).toHaveValue("")
  expect(${box(1)}).toHaveValue(${lit(code[0] ?? "")})
})`,
      `it("${context.id("paste")}: pasting the code fills every box", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.click(${box(1)})
  await user.paste(${lit(code)})
  const boxes = screen.getAllByRole("textbox").map((input) => (input as HTMLInputElement).value)
  expect(boxes).toEqual(${lit(code.split(""))})
})`,
      `it("${context.id("complete")}: calls onComplete with the code once every box is filled", async () => {
  const user = userEvent.setup()
  const onComplete = vi.fn()
  render(<${name} onComplete={onComplete} />)
  await user.click(${box(1)})
  await user.keyboard(${lit(code.slice(0, -1))})
  expect(onComplete).not.toHaveBeenCalled()
  await user.keyboard(${lit(code.slice(-1))})
  expect(onComplete).toHaveBeenCalledTimes(1)
  expect(onComplete).toHaveBeenCalledWith(${lit(code)})
})`,
    ]
    const seconds = num(values, "resendSeconds")
    if (context.has("resend"))
      tests.push(`it("${context.id("resend")}: Resend code waits ${seconds} seconds, then calls onResend", async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true })
  try {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const onResend = vi.fn()
    render(<${name} onResend={onResend} />)
    expect(screen.getByRole("button", { name: "Resend code in ${seconds}s" })).toBeDisabled()
    act(() => {
      vi.advanceTimersByTime(${seconds * 1000})
    })
    await user.click(screen.getByRole("button", { name: "Resend code" }))
    expect(onResend).toHaveBeenCalledTimes(1)
    expect(screen.getByRole("button", { name: /^Resend code in \\d+s$/ })).toBeDisabled()
  } finally {
    vi.useRealTimers()
  }
})`)
    return tests.join("\n\n")
  },
}
