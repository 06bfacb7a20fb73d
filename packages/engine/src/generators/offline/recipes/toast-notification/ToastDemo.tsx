import { useCallback, useEffect, useRef, useState } from "react"
import { CircleAlert, CircleCheck, Info, X } from "lucide-react"
import { Button } from "@/components/ui/button"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface ToastDemoProps extends AppearanceOptions {
  /** The toast's message. */
  message?: string
  /** The label of the button that shows a toast. */
  triggerLabel?: string
  /** How long a toast stays before it dismisses itself, in milliseconds (0 keeps it). */
  durationMs?: number
  /** The toast's tone (icon and colour). */
  variant?: "success" | "error" | "info"
  /** Where toasts appear on the screen. */
  position?: "bottom-right" | "bottom-left" | "bottom-center" | "top-right" | "top-left" | "top-center"
}

interface Toast {
  id: number
  message: string
}

const POSITION_CLASSES: Record<NonNullable<ToastDemoProps["position"]>, string> = {
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

export default function ToastDemo({
  message = "Your changes have been saved.",
  triggerLabel = "Save changes",
  durationMs = 5000,
  variant = "success",
  position = "bottom-right",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
}: ToastDemoProps) {
  const look = appearance({ accent, dark, size, radius })
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
    <div
      className={cn(look.className, "flex w-full max-w-sm items-center justify-center p-6")}
      style={look.style}
    >
      <Button onClick={show}>{triggerLabel}</Button>
      <section
        aria-label="Notifications"
        aria-live="polite"
        className={cn("pointer-events-none fixed z-50 w-full max-w-sm p-4", POSITION_CLASSES[position])}
      >
        <ol className="flex flex-col gap-2">
          {toasts.map((toast) => (
            <ToastItem
              key={toast.id}
              toast={toast}
              variant={variant}
              durationMs={durationMs}
              onDismiss={dismiss}
            />
          ))}
        </ol>
      </section>
    </div>
  )
}
