import { useId, useState, type FormEvent } from "react"
import { CheckCircle2 } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { Textarea } from "@/components/ui/textarea"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface ContactValues {
  name: string
  email: string
  phone: string
  subject: string
  message: string
}

export interface ContactFormProps extends AppearanceOptions {
  /** The form's heading. */
  title?: string
  /** The line under the heading. */
  description?: string
  /** The submit button's label. */
  submitLabel?: string
  /** Ask for a subject line. */
  showSubject?: boolean
  /** Ask for an optional phone number. */
  showPhone?: boolean
  /** The most characters the message may have (0: no limit). */
  maxLength?: number
  /** Shown after the message is sent. */
  successMessage?: string
  /** Called with the name, email, subject, phone and message when the form is valid. */
  onSubmit?: (values: ContactValues) => void
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

const EMPTY: ContactValues = { name: "", email: "", phone: "", subject: "", message: "" }

type ContactErrors = Partial<Record<keyof ContactValues, string>>

export default function ContactForm({
  title = "Get in touch",
  description = "Send us a message and we'll reply within one business day.",
  submitLabel = "Send message",
  showSubject = false,
  showPhone = false,
  maxLength = 0,
  successMessage = "Thanks for reaching out! We'll get back to you soon.",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onSubmit,
}: ContactFormProps) {
  const look = appearance({ accent, dark, size, radius })
  const id = useId()
  const [values, setValues] = useState<ContactValues>(EMPTY)
  const [errors, setErrors] = useState<ContactErrors>({})
  const [sent, setSent] = useState(false)

  function update(key: keyof ContactValues, value: string) {
    setValues((current) => ({ ...current, [key]: value }))
    setErrors((current) => ({ ...current, [key]: undefined }))
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const found: ContactErrors = {}
    if (!values.name.trim()) found.name = "Enter your name"
    if (!values.email.trim()) found.email = "Enter your email address"
    else if (!EMAIL_PATTERN.test(values.email.trim())) found.email = "Enter a valid email address"
    if (showSubject && !values.subject.trim()) found.subject = "Enter a subject"
    if (!values.message.trim()) found.message = "Enter a message"
    setErrors(found)
    if (Object.values(found).some(Boolean)) return
    onSubmit?.({
      name: values.name.trim(),
      email: values.email.trim(),
      phone: values.phone.trim(),
      subject: values.subject.trim(),
      message: values.message.trim(),
    })
    setSent(true)
  }

  function field(key: keyof ContactValues) {
    return {
      id: id + "-" + key,
      value: values[key],
      "aria-invalid": errors[key] ? true : undefined,
      "aria-describedby": errors[key] ? id + "-" + key + "-error" : undefined,
    }
  }

  function errorText(key: keyof ContactValues) {
    return errors[key] ? (
      <p id={id + "-" + key + "-error"} role="alert" className="text-sm text-destructive">
        {errors[key]}
      </p>
    ) : null
  }

  return (
    <div className={cn(look.className, "w-full max-w-lg p-4")} style={look.style}>
      <section
        aria-labelledby={id + "-title"}
        className="flex flex-col gap-6 rounded-xl border bg-card p-6 text-card-foreground shadow-sm"
      >
        <div className="flex flex-col gap-1">
          <h2 id={id + "-title"} className="text-xl font-semibold leading-tight">
            {title}
          </h2>
          {description && <p className="text-sm text-muted-foreground">{description}</p>}
        </div>
        <div role="status" aria-live="polite">
          {sent && (
            <div className="flex flex-col items-start gap-4 rounded-lg border bg-muted/40 p-4">
              <p className="flex items-start gap-2 text-sm font-medium">
                <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden="true" />
                {successMessage}
              </p>
              <Button
                type="button"
                variant="outline"
                onClick={() => {
                  setValues(EMPTY)
                  setSent(false)
                }}
              >
                Send another message
              </Button>
            </div>
          )}
        </div>
        {!sent && (
          <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-4">
            <div className="grid gap-4 sm:grid-cols-2">
              <div className="flex flex-col gap-2">
                <Label htmlFor={id + "-name"}>Name</Label>
                <Input
                  {...field("name")}
                  autoComplete="name"
                  placeholder="Jane Cooper"
                  onChange={(event) => update("name", event.target.value)}
                />
                {errorText("name")}
              </div>
              <div className="flex flex-col gap-2">
                <Label htmlFor={id + "-email"}>Email</Label>
                <Input
                  {...field("email")}
                  type="email"
                  autoComplete="email"
                  placeholder="jane@example.com"
                  onChange={(event) => update("email", event.target.value)}
                />
                {errorText("email")}
              </div>
            </div>
            {showPhone && (
              <div className="flex flex-col gap-2">
                <Label htmlFor={id + "-phone"}>
                  Phone <span className="font-normal text-muted-foreground">(optional)</span>
                </Label>
                <Input
                  {...field("phone")}
                  type="tel"
                  autoComplete="tel"
                  onChange={(event) => update("phone", event.target.value)}
                />
              </div>
            )}
            {showSubject && (
              <div className="flex flex-col gap-2">
                <Label htmlFor={id + "-subject"}>Subject</Label>
                <Input {...field("subject")} onChange={(event) => update("subject", event.target.value)} />
                {errorText("subject")}
              </div>
            )}
            <div className="flex flex-col gap-2">
              <div className="flex items-baseline justify-between gap-2">
                <Label htmlFor={id + "-message"}>Message</Label>
                {maxLength > 0 && (
                  <span
                    id={id + "-count"}
                    aria-live="polite"
                    className="text-xs tabular-nums text-muted-foreground"
                  >
                    {values.message.length}/{maxLength}
                  </span>
                )}
              </div>
              <Textarea
                {...field("message")}
                rows={5}
                maxLength={maxLength > 0 ? maxLength : undefined}
                placeholder="How can we help?"
                onChange={(event) => update("message", event.target.value)}
              />
              {errorText("message")}
            </div>
            <Button type="submit" className="self-end">
              {submitLabel}
            </Button>
          </form>
        )}
      </section>
    </div>
  )
}
