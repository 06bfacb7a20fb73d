import { useEffect, useId, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react"
import { Button } from "@/components/ui/button"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface OtpInputProps extends AppearanceOptions {
  /** How many digits the code has (one box each). */
  length?: number
  /** The heading above the boxes. */
  title?: string
  /** The line under the heading. */
  description?: string
  /** Seconds before "Resend code" can be clicked again (0: no resend button). */
  resendSeconds?: number
  /** Called with the code once every box is filled. */
  onComplete?: (code: string) => void
  /** Called when "Resend code" is clicked. */
  onResend?: () => void
}

export default function OtpInput({
  length = 6,
  title = "Enter verification code",
  description = "We sent a code to your email. It expires in 10 minutes.",
  resendSeconds = 0,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onComplete,
  onResend,
}: OtpInputProps) {
  const look = appearance({ accent, dark, size, radius })
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
    const incoming = text.replace(/\D/g, "").split("")
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
    const typed = value.replace(/\D/g, "")
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
