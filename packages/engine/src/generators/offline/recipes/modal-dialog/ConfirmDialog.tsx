import { useState } from "react"
import { TriangleAlert } from "lucide-react"
import { Button } from "@/components/ui/button"
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface ConfirmDialogProps extends AppearanceOptions {
  /** The label of the button that opens the dialog. */
  triggerLabel?: string
  /** The dialog's title. */
  title?: string
  /** What confirming will do. */
  description?: string
  /** The confirm button's label. */
  confirmLabel?: string
  /** The cancel button's label. */
  cancelLabel?: string
  /** Style the confirm button as a destructive action. */
  destructive?: boolean
  /** Called when the action is confirmed. */
  onConfirm?: () => void
  /** Called when the dialog is dismissed without confirming (Cancel, Escape, the close button). */
  onCancel?: () => void
}

export default function ConfirmDialog({
  triggerLabel = "Publish changes",
  title = "Publish your changes?",
  description = "Your changes will be visible to everyone right away.",
  confirmLabel = "Publish",
  cancelLabel = "Cancel",
  destructive = false,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const look = appearance({ accent, dark, size, radius })
  const [open, setOpen] = useState(false)

  function changeOpen(next: boolean) {
    setOpen(next)
    if (!next) onCancel?.()
  }

  function confirm() {
    setOpen(false)
    onConfirm?.()
  }

  return (
    <div
      className={cn(look.className, "flex w-full max-w-md items-center justify-center p-6")}
      style={look.style}
    >
      <Dialog open={open} onOpenChange={changeOpen}>
        <DialogTrigger asChild>
          <Button variant={destructive ? "destructive" : "default"}>{triggerLabel}</Button>
        </DialogTrigger>
        {/* The dialog renders in a portal, outside the root: it takes the look again. */}
        <DialogContent className={cn(look.className, "sm:max-w-md")} style={look.style}>
          <DialogHeader>
            {destructive ? (
              <div className="mx-auto mb-2 flex size-10 items-center justify-center rounded-full bg-destructive/10 text-destructive sm:mx-0">
                <TriangleAlert aria-hidden="true" className="size-5" />
              </div>
            ) : null}
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>{description}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">{cancelLabel}</Button>
            </DialogClose>
            <Button variant={destructive ? "destructive" : "default"} onClick={confirm}>
              {confirmLabel}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  )
}
