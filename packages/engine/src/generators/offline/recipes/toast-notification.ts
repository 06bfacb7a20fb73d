import { mentions, type PromptFacts } from "../facts"
import { num, str, type Recipe, type Values } from "../recipe"
import { quotedWith, tlit } from "./navbar"

type Variant = "success" | "error" | "info"

const POSITIONS = [
  "bottom-right",
  "bottom-left",
  "bottom-center",
  "top-right",
  "top-left",
  "top-center",
] as const

interface Preset {
  pattern: RegExp
  message: string
  trigger: string
  variant: Variant
}

const PRESETS: Preset[] = [
  {
    pattern:
      /\bpayments?\b[^.]*\b(?:errors?|fail(?:s|ed|ure)?|declined)\b|\b(?:errors?|fail(?:s|ed|ure)?|declined)\b[^.]*\bpayments?\b/,
    message: "Payment failed. Please check your card details and try again.",
    trigger: "Pay now",
    variant: "error",
  },
  {
    pattern:
      /\buploads?\b[^.]*\b(?:errors?|fail(?:s|ed|ure)?)\b|\b(?:errors?|fail(?:s|ed|ure)?)\b[^.]*\buploads?\b/,
    message: "Upload failed. Please try again.",
    trigger: "Upload file",
    variant: "error",
  },
  {
    pattern: /\b(?:errors?|fail(?:s|ed|ure)?|went wrong|problem)\b/,
    message: "Something went wrong. Please try again.",
    trigger: "Submit",
    variant: "error",
  },
  {
    pattern: /\bcop(?:y|ied)\b|\bclipboard\b/,
    message: "Link copied to clipboard.",
    trigger: "Copy link",
    variant: "success",
  },
  {
    pattern: /\bcart\b|\bbasket\b/,
    message: "Added to your cart.",
    trigger: "Add to cart",
    variant: "success",
  },
  {
    pattern: /\b(?:sent|send)\b/,
    message: "Your message has been sent.",
    trigger: "Send message",
    variant: "success",
  },
  {
    pattern: /\binvit(?:e|ed|ation)\b/,
    message: "Invitation sent.",
    trigger: "Send invite",
    variant: "success",
  },
  {
    pattern: /\bdelet(?:e|ed)\b|\bremov(?:e|ed)\b/,
    message: "Item deleted.",
    trigger: "Delete item",
    variant: "info",
  },
  {
    pattern: /\bsubscrib\w*\b|\bnewsletter\b/,
    message: "You're subscribed!",
    trigger: "Subscribe",
    variant: "success",
  },
  {
    pattern: /\bsav(?:e|ed|ing)\b/,
    message: "Your changes have been saved.",
    trigger: "Save changes",
    variant: "success",
  },
]

const DEFAULT_PRESET: Preset = {
  pattern: /$^/,
  message: "Your changes have been saved.",
  trigger: "Save changes",
  variant: "success",
}

function variantOf(facts: PromptFacts): Variant | undefined {
  if (mentions(facts, "error", "danger", "failure", "destructive")) return "error"
  if (mentions(facts, "success", "green", "check mark", "checkmark")) return "success"
  if (mentions(facts, "info", "informational", "neutral")) return "info"
  return undefined
}

function positionOf(facts: PromptFacts): (typeof POSITIONS)[number] | undefined {
  const vertical = /\btop\b/.test(facts.lower) ? "top" : /\bbottom\b/.test(facts.lower) ? "bottom" : undefined
  const horizontal = /\bleft\b/.test(facts.lower)
    ? "left"
    : /\bright\b/.test(facts.lower)
      ? "right"
      : /\b(?:center|centre|middle)\b/.test(facts.lower)
        ? "center"
        : undefined
  if (!vertical && !horizontal) return undefined
  if (!/\b(?:corner|top|bottom|position|show (?:it|them) (?:at|in|on))\b/.test(facts.lower)) return undefined
  return `${vertical ?? "bottom"}-${horizontal ?? (vertical ? "center" : "right")}` as (typeof POSITIONS)[number]
}

const STICKY =
  /\b(?:never|don't|do not|not|doesn't|does not|shouldn't|should not)\b[^.]*\b(?:auto[- ]?)?(?:dismiss|disappear|close|hide|vanish|go away)\w*\b|\bstays? (?:open|until|on screen until|there until)\b|\buntil (?:i|you|the user|they) (?:close|dismiss)\b|\bsticky\b|\bpersistent\b/

function toastValues(facts: PromptFacts) {
  const preset = PRESETS.find((candidate) => candidate.pattern.test(facts.lower)) ?? DEFAULT_PRESET
  const trigger = quotedWith(facts, /\b(?:button|trigger|clicking|click)\b[^"“”`]*$/i, /^\s*button\b/i)
  const message =
    quotedWith(facts, /\b(?:says?|saying|message|text|reads?|shows?|showing|with|displays?)\b[^"“”`]*$/i) ??
    facts.quoted.find((value) => value !== trigger)
  return {
    message: message ?? preset.message,
    triggerLabel: trigger ?? preset.trigger,
    variant: variantOf(facts) ?? preset.variant,
  }
}

/** A button that shows a toast: an aria-live region, auto-dismiss after a duration, a close button, stacking. */
export const toastNotification: Recipe = {
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
  params: (facts) => {
    const values = toastValues(facts)
    return [
      {
        name: "message",
        type: "string",
        value: values.message,
        description: "The toast's message.",
        control: "text",
      },
      {
        name: "triggerLabel",
        type: "string",
        value: values.triggerLabel,
        description: "The label of the button that shows a toast.",
        control: "text",
      },
      {
        name: "durationMs",
        type: "number",
        value: facts.durationsMs[0] ?? (STICKY.test(facts.lower) ? 0 : 5000),
        description: "How long a toast stays before it dismisses itself, in milliseconds (0 keeps it).",
        control: "number",
      },
      {
        name: "variant",
        type: '"success" | "error" | "info"',
        value: values.variant,
        description: "The toast's tone (icon and colour).",
        control: "select",
        options: ["success", "error", "info"],
      },
      {
        name: "position",
        type: POSITIONS.map((position) => `"${position}"`).join(" | "),
        value: positionOf(facts) ?? "bottom-right",
        description: "Where toasts appear on the screen.",
        control: "select",
        options: [...POSITIONS],
      },
    ]
  },
  summary: (values) =>
    `${/^[aeiou]/i.test(str(values, "triggerLabel")) ? "An" : "A"} "${str(values, "triggerLabel")}" button that shows the toast "${str(values, "message")}" ${num(values, "durationMs") > 0 ? `for ${seconds(num(values, "durationMs"))}` : "until it is closed"}.`,
  requirements: (values) => {
    const duration = num(values, "durationMs", 5000)
    const requirements: [string, string][] = [
      [
        "show",
        `Clicking "${str(values, "triggerLabel")}" shows a toast saying "${str(values, "message")}" in a polite live region`,
      ],
      ["close", "The toast's close button (labelled Dismiss notification) removes it"],
      ["stack", "Each click adds another toast; several stack up"],
    ]
    requirements.splice(
      1,
      0,
      duration > 0
        ? ["dismiss", `A toast disappears by itself after ${seconds(duration)}`]
        : ["sticky", "A toast stays until it is closed"],
    )
    return requirements
  },
  component: (context) => `import { useCallback, useEffect, useRef, useState } from "react"
import { CircleAlert, CircleCheck, Info, X } from "lucide-react"
import { Button } from "@/components/ui/button"
${context.lookImports}

${context.propsInterface}

interface Toast {
  id: number
  message: string
}

const POSITION_CLASSES: Record<NonNullable<${context.name}Props["position"]>, string> = {
  "bottom-right": "bottom-0 right-0",
  "bottom-left": "bottom-0 left-0",
  "bottom-center": "bottom-0 left-1/2 -translate-x-1/2",
  "top-right": "top-0 right-0",
  "top-left": "top-0 left-0",
  "top-center": "top-0 left-1/2 -translate-x-1/2",
}

const VARIANTS = {
  success: { icon: CircleCheck, className: "text-success" },
  error: { icon: CircleAlert, className: "text-destructive" },
  info: { icon: Info, className: "text-primary" },
}

function ToastItem({
  toast,
  variant,
  durationMs,
  onDismiss,
}: {
  toast: Toast
  variant: keyof typeof VARIANTS
  durationMs: number
  onDismiss: (id: number) => void
}) {
  useEffect(() => {
    if (durationMs <= 0) return
    const timer = setTimeout(() => onDismiss(toast.id), durationMs)
    return () => clearTimeout(timer)
  }, [toast.id, durationMs, onDismiss])
  const { icon: Icon, className } = VARIANTS[variant]
  return (
    <li className="pointer-events-auto flex items-start gap-3 rounded-lg border bg-card p-4 text-card-foreground shadow-lg">
      <Icon aria-hidden="true" className={cn("mt-0.5 size-5 shrink-0", className)} />
      <p className="flex-1 text-sm font-medium">{toast.message}</p>
      <Button
        variant="ghost"
        size="icon-sm"
        className="-my-1 -mr-2 text-muted-foreground"
        aria-label="Dismiss notification"
        onClick={() => onDismiss(toast.id)}
      >
        <X aria-hidden="true" />
      </Button>
    </li>
  )
}

${context.signature}
  ${context.look}
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(0)

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id))
  }, [])

  function show() {
    nextId.current += 1
    const toast = { id: nextId.current, message }
    setToasts((current) => [...current, toast].slice(-5))
  }

  return (
    <div className={cn(look.className, "flex w-full max-w-sm items-center justify-center p-6")} style={look.style}>
      <Button onClick={show}>{triggerLabel}</Button>
      <section
        aria-label="Notifications"
        aria-live="polite"
        className={cn("pointer-events-none fixed z-50 w-full max-w-sm p-4", POSITION_CLASSES[position])}
      >
        <ol className="flex flex-col gap-2">
          {toasts.map((toast) => (
            <ToastItem key={toast.id} toast={toast} variant={variant} durationMs={durationMs} onDismiss={dismiss} />
          ))}
        </ol>
      </section>
    </div>
  )
}
`,
  tests: (context) => {
    const lit = tlit
    const message = lit(str(context.values, "message"))
    const trigger = lit(str(context.values, "triggerLabel"))
    const duration = num(context.values, "durationMs", 5000)
    const margin = Math.min(500, Math.floor(duration / 2))
    const setup = `const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
  render(<${context.name} />)
  const region = screen.getByRole("region", { name: "Notifications" })`
    const tests = [
      `beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true })
})

afterEach(() => {
  vi.useRealTimers()
})`,
      `it("${context.id("show")}: clicking the button shows the toast in a live region", async () => {
  ${setup}
  expect(region).toHaveAttribute("aria-live", "polite")
  expect(within(region).queryByText(${message})).not.toBeInTheDocument()
  await user.click(screen.getByRole("button", { name: ${trigger} }))
  expect(within(region).getByText(${message})).toBeInTheDocument()
})`,
    ]
    if (context.has("dismiss")) {
      tests.push(`it("${context.id("dismiss")}: the toast disappears by itself after ${seconds(duration)}", async () => {
  ${setup}
  await user.click(screen.getByRole("button", { name: ${trigger} }))
  act(() => {
    vi.advanceTimersByTime(${duration - margin})
  })
  expect(within(region).getByText(${message})).toBeInTheDocument()
  act(() => {
    vi.advanceTimersByTime(${margin + 50})
  })
  expect(within(region).queryByText(${message})).not.toBeInTheDocument()
})`)
    }
    if (context.has("sticky")) {
      tests.push(`it("${context.id("sticky")}: the toast stays until it is closed", async () => {
  ${setup}
  await user.click(screen.getByRole("button", { name: ${trigger} }))
  act(() => {
    vi.advanceTimersByTime(60_000)
  })
  expect(within(region).getByText(${message})).toBeInTheDocument()
})`)
    }
    tests.push(
      `it("${context.id("close")}: the close button removes the toast", async () => {
  ${setup}
  await user.click(screen.getByRole("button", { name: ${trigger} }))
  await user.click(within(region).getByRole("button", { name: "Dismiss notification" }))
  expect(within(region).queryByText(${message})).not.toBeInTheDocument()
})`,
      `it("${context.id("stack")}: several toasts stack up", async () => {
  ${setup}
  await user.click(screen.getByRole("button", { name: ${trigger} }))
  await user.click(screen.getByRole("button", { name: ${trigger} }))
  expect(within(region).getAllByText(${message})).toHaveLength(2)
  await user.click(within(region).getAllByRole("button", { name: "Dismiss notification" })[0]!)
  expect(within(region).getAllByText(${message})).toHaveLength(1)
})`,
    )
    return tests.join("\n\n")
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
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
}

function seconds(ms: number): string {
  if (ms <= 0) return "never (it stays until closed)"
  const value = ms / 1000
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${value === 1 ? "second" : "seconds"}`
}
