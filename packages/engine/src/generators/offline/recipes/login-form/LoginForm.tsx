import { useId, useState, type FormEvent } from "react"
import { Eye, EyeOff } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Checkbox } from "@/components/ui/checkbox"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface LoginValues {
  email: string
  password: string
  remember: boolean
}

export interface LoginFormProps extends AppearanceOptions {
  /** The form's heading. */
  title?: string
  /** The line under the heading. */
  description?: string
  /** The submit button's label. */
  submitLabel?: string
  /** Show a "Remember me" checkbox. */
  showRememberMe?: boolean
  /** Show a "Forgot password?" link button. */
  showForgotPassword?: boolean
  /** The shortest password accepted (0 only requires one). */
  minPasswordLength?: number
  /** Called with the email, password and remember-me choice when the form is valid. */
  onSubmit?: (values: LoginValues) => void
  /** Called when "Forgot password?" is clicked. */
  onForgotPassword?: () => void
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

interface LoginErrors {
  email?: string
  password?: string
}

export default function LoginForm({
  title = "Welcome back",
  description = "Sign in to your account to continue.",
  submitLabel = "Sign in",
  showRememberMe = false,
  showForgotPassword = false,
  minPasswordLength = 0,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onSubmit,
  onForgotPassword,
}: LoginFormProps) {
  const look = appearance({ accent, dark, size, radius })
  const id = useId()
  const [email, setEmail] = useState("")
  const [password, setPassword] = useState("")
  const [remember, setRemember] = useState(false)
  const [showPassword, setShowPassword] = useState(false)
  const [errors, setErrors] = useState<LoginErrors>({})

  function validate(): LoginErrors {
    const found: LoginErrors = {}
    if (!email.trim()) found.email = "Enter your email address"
    else if (!EMAIL_PATTERN.test(email.trim())) found.email = "Enter a valid email address"
    if (!password) found.password = "Enter your password"
    else if (password.length < minPasswordLength)
      found.password = "Password must be at least " + minPasswordLength + " characters"
    return found
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const found = validate()
    setErrors(found)
    if (found.email || found.password) return
    onSubmit?.({ email: email.trim(), password, remember })
  }

  return (
    <div className={cn(look.className, "w-full max-w-sm p-4")} style={look.style}>
      <form
        noValidate
        aria-labelledby={id + "-title"}
        onSubmit={handleSubmit}
        className="flex flex-col gap-6 rounded-xl border bg-card p-6 text-card-foreground shadow-sm"
      >
        <div className="flex flex-col gap-1">
          <h2 id={id + "-title"} className="text-xl font-semibold leading-tight">
            {title}
          </h2>
          {description && <p className="text-sm text-muted-foreground">{description}</p>}
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor={id + "-email"}>Email</Label>
          <Input
            id={id + "-email"}
            type="email"
            autoComplete="email"
            placeholder="you@example.com"
            value={email}
            onChange={(event) => {
              setEmail(event.target.value)
              setErrors((current) => ({ ...current, email: undefined }))
            }}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? id + "-email-error" : undefined}
          />
          {errors.email && (
            <p id={id + "-email-error"} role="alert" className="text-sm text-destructive">
              {errors.email}
            </p>
          )}
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor={id + "-password"}>Password</Label>
          <div className="relative">
            <Input
              id={id + "-password"}
              type={showPassword ? "text" : "password"}
              autoComplete="current-password"
              className="pr-10"
              value={password}
              onChange={(event) => {
                setPassword(event.target.value)
                setErrors((current) => ({ ...current, password: undefined }))
              }}
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={errors.password ? id + "-password-error" : undefined}
            />
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
          </div>
          {errors.password && (
            <p id={id + "-password-error"} role="alert" className="text-sm text-destructive">
              {errors.password}
            </p>
          )}
        </div>
        {(showRememberMe || showForgotPassword) && (
          <div className="flex items-center justify-between gap-2">
            {showRememberMe && (
              <div className="flex items-center gap-2">
                <Checkbox
                  id={id + "-remember"}
                  checked={remember}
                  onCheckedChange={(checked) => setRemember(checked === true)}
                />
                <Label htmlFor={id + "-remember"} className="font-normal">
                  Remember me
                </Label>
              </div>
            )}
            {showForgotPassword && (
              <Button type="button" variant="link" className="ml-auto h-auto p-0" onClick={onForgotPassword}>
                Forgot password?
              </Button>
            )}
          </div>
        )}
        <Button type="submit" className="w-full">
          {submitLabel}
        </Button>
      </form>
    </div>
  )
}
