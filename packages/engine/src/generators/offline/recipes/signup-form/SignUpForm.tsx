import { useId, useState, type FormEvent } from "react"
import { Eye, EyeOff } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Checkbox } from "@/components/ui/checkbox"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface SignUpField {
  key: string
  label: string
  type: string
  autoComplete: string
}

export interface SignUpFormProps extends AppearanceOptions {
  /** The form's heading. */
  title?: string
  /** The submit button's label. */
  submitLabel?: string
  /** The fields, in order (key, label, input type, autocomplete). */
  fields?: SignUpField[]
  /** The shortest password accepted. */
  minPasswordLength?: number
  /** Passwords must include a number. */
  requireNumber?: boolean
  /** Passwords must include an uppercase letter. */
  requireUppercase?: boolean
  /** Passwords must include a symbol. */
  requireSymbol?: boolean
  /** Ask for the password twice; they must match. */
  confirmPassword?: boolean
  /** A terms checkbox that must be ticked. */
  requireTerms?: boolean
  /** The terms checkbox's label. */
  termsLabel?: string
  /** Called with the values by field key (without the confirmation) when the form is valid. */
  onSubmit?: (values: Record<string, string>) => void
}

const DEFAULT_FIELDS: SignUpField[] = [
  { key: "name", label: "Full name", type: "text", autoComplete: "name" },
  { key: "email", label: "Email", type: "email", autoComplete: "email" },
  { key: "password", label: "Password", type: "password", autoComplete: "new-password" },
]

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join("")
  return items.slice(0, -1).join(", ") + " and " + items[items.length - 1]
}

export default function SignUpForm({
  title = "Create your account",
  submitLabel = "Create account",
  fields = DEFAULT_FIELDS,
  minPasswordLength = 8,
  requireNumber = false,
  requireUppercase = false,
  requireSymbol = false,
  confirmPassword = true,
  requireTerms = false,
  termsLabel = "I agree to the Terms of Service and Privacy Policy",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onSubmit,
}: SignUpFormProps) {
  const look = appearance({ accent, dark, size, radius })
  const id = useId()
  const [values, setValues] = useState<Record<string, string>>({})
  const [confirmation, setConfirmation] = useState("")
  const [accepted, setAccepted] = useState(false)
  const [showPassword, setShowPassword] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})

  const rules = [
    minPasswordLength > 0 ? "at least " + minPasswordLength + " characters" : "",
    requireNumber ? "a number" : "",
    requireUppercase ? "an uppercase letter" : "",
    requireSymbol ? "a symbol" : "",
  ].filter(Boolean)

  function passwordProblem(password: string): string {
    if (password.length < minPasswordLength)
      return "Password must be at least " + minPasswordLength + " characters"
    if (requireNumber && !/\d/.test(password)) return "Password must include a number"
    if (requireUppercase && !/[A-Z]/.test(password)) return "Password must include an uppercase letter"
    if (requireSymbol && !/[^A-Za-z0-9]/.test(password)) return "Password must include a symbol"
    return ""
  }

  function validate(): Record<string, string> {
    const found: Record<string, string> = {}
    for (const field of fields) {
      const value = (values[field.key] ?? "").trim()
      if (!value) found[field.key] = field.label + " is required"
      else if (field.type === "email" && !EMAIL_PATTERN.test(value))
        found[field.key] = "Enter a valid email address"
      else if (field.type === "password") {
        const problem = passwordProblem(values[field.key] ?? "")
        if (problem) found[field.key] = problem
      }
    }
    const password = fields.find((field) => field.type === "password")
    if (confirmPassword && password && confirmation !== (values[password.key] ?? ""))
      found.confirmation = "Passwords do not match"
    if (requireTerms && !accepted) found.terms = "You must accept the terms to continue"
    return found
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const found = validate()
    setErrors(found)
    if (Object.keys(found).length > 0) return
    const result: Record<string, string> = {}
    for (const field of fields)
      result[field.key] =
        field.type === "password" ? (values[field.key] ?? "") : (values[field.key] ?? "").trim()
    onSubmit?.(result)
  }

  function clearError(key: string) {
    setErrors((current) => {
      const rest = { ...current }
      delete rest[key]
      return rest
    })
  }

  function describedBy(key: string, hint?: string): string | undefined {
    const ids = [hint, errors[key] ? id + "-" + key + "-error" : ""].filter(Boolean)
    return ids.length > 0 ? ids.join(" ") : undefined
  }

  function errorText(key: string) {
    return errors[key] ? (
      <p id={id + "-" + key + "-error"} role="alert" className="text-sm text-destructive">
        {errors[key]}
      </p>
    ) : null
  }

  const toggle = (
    <button
      type="button"
      aria-label={showPassword ? "Hide password" : "Show password"}
      onClick={() => setShowPassword((shown) => !shown)}
      className="absolute inset-y-0 right-0 flex w-10 items-center justify-center rounded-md text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      {showPassword ? (
        <EyeOff className="size-4" aria-hidden="true" />
      ) : (
        <Eye className="size-4" aria-hidden="true" />
      )}
    </button>
  )

  return (
    <div className={cn(look.className, "w-full max-w-md p-4")} style={look.style}>
      <form
        noValidate
        aria-labelledby={id + "-title"}
        onSubmit={handleSubmit}
        className="flex flex-col gap-5 rounded-xl border bg-card p-6 text-card-foreground shadow-sm"
      >
        <h2 id={id + "-title"} className="text-xl font-semibold leading-tight">
          {title}
        </h2>
        {fields.map((field) => {
          const isPassword = field.type === "password"
          const inputId = id + "-" + field.key
          return (
            <div key={field.key} className="flex flex-col gap-2">
              <Label htmlFor={inputId}>{field.label}</Label>
              <div className="relative">
                <Input
                  id={inputId}
                  type={isPassword && showPassword ? "text" : field.type}
                  autoComplete={field.autoComplete}
                  className={isPassword ? "pr-10" : undefined}
                  value={values[field.key] ?? ""}
                  onChange={(event) => {
                    const value = event.target.value
                    setValues((current) => ({ ...current, [field.key]: value }))
                    clearError(field.key)
                  }}
                  aria-invalid={errors[field.key] ? true : undefined}
                  aria-describedby={describedBy(
                    field.key,
                    isPassword && rules.length > 0 ? id + "-rules" : undefined,
                  )}
                />
                {isPassword && toggle}
              </div>
              {isPassword && rules.length > 0 && (
                <p id={id + "-rules"} className="text-xs text-muted-foreground">
                  Use {listWords(rules)}.
                </p>
              )}
              {errorText(field.key)}
            </div>
          )
        })}
        {confirmPassword && (
          <div className="flex flex-col gap-2">
            <Label htmlFor={id + "-confirmation"}>Confirm password</Label>
            <Input
              id={id + "-confirmation"}
              type={showPassword ? "text" : "password"}
              autoComplete="new-password"
              value={confirmation}
              onChange={(event) => {
                setConfirmation(event.target.value)
                clearError("confirmation")
              }}
              aria-invalid={errors.confirmation ? true : undefined}
              aria-describedby={describedBy("confirmation")}
            />
            {errorText("confirmation")}
          </div>
        )}
        {requireTerms && (
          <div className="flex flex-col gap-2">
            <div className="flex items-start gap-2">
              <Checkbox
                id={id + "-terms"}
                checked={accepted}
                onCheckedChange={(checked) => {
                  setAccepted(checked === true)
                  clearError("terms")
                }}
                aria-invalid={errors.terms ? true : undefined}
                aria-describedby={describedBy("terms")}
              />
              <Label htmlFor={id + "-terms"} className="font-normal leading-snug">
                {termsLabel}
              </Label>
            </div>
            {errorText("terms")}
          </div>
        )}
        <Button type="submit" className="w-full">
          {submitLabel}
        </Button>
      </form>
    </div>
  )
}
