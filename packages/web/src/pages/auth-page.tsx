import { API_LIMITS } from "@studio/protocol"
import { Button } from "@studio/kit/components/ui/button"
import { Input } from "@studio/kit/components/ui/input"
import { Label } from "@studio/kit/components/ui/label"
import { Sparkles } from "lucide-react"
import { useId, useState, type FormEvent } from "react"
import { Link, Navigate, useLocation, useNavigate } from "react-router"
import { ApiRequestError } from "../services/api-client"
import { useServices } from "../services/services-context"
import { useSessionStore } from "../state/session-store"

type Mode = "sign-in" | "sign-up"

const COPY: Record<
  Mode,
  { title: string; action: string; switchText: string; switchLink: string; switchTo: string }
> = {
  "sign-in": {
    title: "Sign in to AI Studio",
    action: "Sign in",
    switchText: "New here?",
    switchLink: "Create an account",
    switchTo: "/sign-up",
  },
  "sign-up": {
    title: "Create your AI Studio account",
    action: "Sign up",
    switchText: "Already have an account?",
    switchLink: "Sign in",
    switchTo: "/sign-in",
  },
}

/** Sign in / sign up: email and password, errors from the server shown as they are (already safe to show). */
export function AuthPage({ mode }: { mode: Mode }) {
  const { controller } = useServices()
  const status = useSessionStore((state) => state.status)
  const navigate = useNavigate()
  const location = useLocation()
  const [email, setEmail] = useState("")
  const [password, setPassword] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const emailId = useId()
  const passwordId = useId()
  const errorId = useId()
  const copy = COPY[mode]
  const from = (location.state as { from?: string } | null)?.from ?? "/"

  if (status === "signed-in") return <Navigate to={from} replace />

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    if (mode === "sign-up" && password.length < API_LIMITS.passwordMinChars) {
      setError(`Use at least ${API_LIMITS.passwordMinChars} characters for the password.`)
      return
    }
    setBusy(true)
    try {
      if (mode === "sign-in") await controller.signIn({ email, password })
      else await controller.signUp({ email, password })
      void navigate(from, { replace: true })
    } catch (thrown) {
      setError(thrown instanceof ApiRequestError ? thrown.message : "Something went wrong; try again.")
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="bg-muted/40 flex min-h-full items-center justify-center p-6">
      <div className="bg-card w-full max-w-sm rounded-xl border p-8 shadow-sm">
        <div className="mb-6 flex items-center gap-2">
          <span className="bg-studio/10 text-studio flex size-8 items-center justify-center rounded-lg">
            <Sparkles className="size-4" aria-hidden="true" />
          </span>
          <span className="font-semibold tracking-tight">AI Studio</span>
        </div>
        <h1 className="text-xl font-semibold tracking-tight">{copy.title}</h1>
        <p className="text-muted-foreground mt-1 text-sm">
          Describe a component; get React, TypeScript and Tailwind with the tests that prove it.
        </p>
        <form className="mt-6 space-y-4" onSubmit={(event) => void submit(event)} noValidate>
          <div className="space-y-2">
            <Label htmlFor={emailId}>Email</Label>
            <Input
              id={emailId}
              type="email"
              autoComplete="email"
              required
              maxLength={API_LIMITS.emailChars}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-describedby={error ? errorId : undefined}
              autoFocus
            />
          </div>
          <div className="space-y-2">
            <Label htmlFor={passwordId}>Password</Label>
            <Input
              id={passwordId}
              type="password"
              autoComplete={mode === "sign-in" ? "current-password" : "new-password"}
              required
              maxLength={API_LIMITS.passwordMaxChars}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-describedby={error ? errorId : undefined}
            />
            {mode === "sign-up" && (
              <p className="text-muted-foreground text-xs">
                At least {API_LIMITS.passwordMinChars} characters.
              </p>
            )}
          </div>
          {error && (
            <p id={errorId} role="alert" className="text-fail text-sm">
              {error}
            </p>
          )}
          <Button type="submit" className="w-full" disabled={busy || !email || !password}>
            {busy ? `${copy.action}…` : copy.action}
          </Button>
        </form>
        <p className="text-muted-foreground mt-6 text-center text-sm">
          {copy.switchText}{" "}
          <Link
            to={copy.switchTo}
            state={location.state}
            className="text-foreground font-medium underline-offset-4 hover:underline"
          >
            {copy.switchLink}
          </Link>
        </p>
      </div>
    </main>
  )
}
