import { StudioError } from "@studio/protocol"

/** users.create was given an email that is already registered (compared case-insensitively). */
export class DuplicateEmailError extends StudioError {
  constructor(cause?: unknown) {
    super("conflict", "That email is already registered.", { cause })
    this.name = "DuplicateEmailError"
  }
}

const UNIQUE_VIOLATION = "23505"

/** True when `error` (or an error it wraps, as Drizzle does) is a unique violation of `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ("code" in current && current.code === UNIQUE_VIOLATION) {
      return "constraint" in current && current.constraint === constraint
    }
  }
  return false
}
