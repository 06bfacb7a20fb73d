import { z } from "zod"
import { sanitizeMessage } from "./sanitize-message"

type ErrorCodeInfo = {
  /** HTTP status for REST responses. */
  httpStatus: number
  /** WebSocket close code when the error ends the connection (4000-4999, or the standard 1008 / 1011). */
  wsCloseCode: number
  /** Whether the error's own message may be shown to the user; otherwise `defaultMessage` is. */
  userVisible: boolean
  /** Whether trying the same thing again later may succeed. */
  retryable: boolean
  defaultMessage: string
}

/** The closed table of every error the studio reports: code -> HTTP status -> WebSocket close code -> visibility. */
export const ERROR_CODES = {
  bad_request: {
    httpStatus: 400,
    wsCloseCode: 4400,
    userVisible: true,
    retryable: false,
    defaultMessage: "The request is malformed.",
  },
  validation_failed: {
    httpStatus: 422,
    wsCloseCode: 4422,
    userVisible: true,
    retryable: false,
    defaultMessage: "The request is not valid.",
  },
  unauthorized: {
    httpStatus: 401,
    wsCloseCode: 4401,
    userVisible: true,
    retryable: false,
    defaultMessage: "Sign in to continue.",
  },
  forbidden: {
    httpStatus: 403,
    wsCloseCode: 1008,
    userVisible: true,
    retryable: false,
    defaultMessage: "You are not allowed to do that.",
  },
  not_found: {
    httpStatus: 404,
    wsCloseCode: 4404,
    userVisible: true,
    retryable: false,
    defaultMessage: "Not found.",
  },
  conflict: {
    httpStatus: 409,
    wsCloseCode: 4409,
    userVisible: true,
    retryable: false,
    defaultMessage: "That conflicts with the current state.",
  },
  payload_too_large: {
    httpStatus: 413,
    wsCloseCode: 4413,
    userVisible: true,
    retryable: false,
    defaultMessage: "The request is too large.",
  },
  prompt_too_long: {
    httpStatus: 422,
    wsCloseCode: 4422,
    userVisible: true,
    retryable: false,
    defaultMessage: "The prompt is too long.",
  },
  rate_limited: {
    httpStatus: 429,
    wsCloseCode: 4429,
    userVisible: true,
    retryable: true,
    defaultMessage: "Too many requests; try again later.",
  },
  unsafe_path: {
    httpStatus: 400,
    wsCloseCode: 4400,
    userVisible: true,
    retryable: false,
    defaultMessage: "A file path was rejected as unsafe.",
  },
  model_output_invalid: {
    httpStatus: 502,
    wsCloseCode: 4502,
    userVisible: true,
    retryable: false,
    defaultMessage: "The model's answer could not be used.",
  },
  model_unavailable: {
    httpStatus: 503,
    wsCloseCode: 4503,
    userVisible: true,
    retryable: true,
    defaultMessage: "The model server is not reachable.",
  },
  model_error: {
    httpStatus: 502,
    wsCloseCode: 4502,
    userVisible: false,
    retryable: true,
    defaultMessage: "The model server returned an error.",
  },
  sandbox_failed: {
    httpStatus: 500,
    wsCloseCode: 1011,
    userVisible: false,
    retryable: false,
    defaultMessage: "The test sandbox failed.",
  },
  sandbox_unavailable: {
    httpStatus: 503,
    wsCloseCode: 4503,
    userVisible: true,
    retryable: false,
    defaultMessage: "This server cannot isolate model-written or edited code, so it does not run it.",
  },
  sandbox_timeout: {
    httpStatus: 504,
    wsCloseCode: 4504,
    userVisible: true,
    retryable: false,
    defaultMessage: "The tests took too long and were stopped.",
  },
  toolchain_failed: {
    httpStatus: 500,
    wsCloseCode: 1011,
    userVisible: false,
    retryable: false,
    defaultMessage: "A build tool failed.",
  },
  plugin_unavailable: {
    httpStatus: 503,
    wsCloseCode: 4503,
    userVisible: true,
    retryable: false,
    defaultMessage: "A required plugin is not available.",
  },
  cancelled: {
    httpStatus: 499,
    wsCloseCode: 4499,
    userVisible: true,
    retryable: false,
    defaultMessage: "The run was cancelled.",
  },
  token_limit: {
    // A run's budget, not a rate: the same prompt with a larger STUDIO_MAX_TOKENS_PER_RUN may well finish.
    httpStatus: 429,
    wsCloseCode: 4429,
    userVisible: true,
    retryable: false,
    defaultMessage: "The run reached its token limit and was stopped.",
  },
  interrupted: {
    httpStatus: 503,
    wsCloseCode: 4503,
    userVisible: true,
    retryable: false,
    defaultMessage: "The run was interrupted.",
  },
  lagging: {
    httpStatus: 503,
    wsCloseCode: 4503,
    userVisible: true,
    retryable: true,
    defaultMessage: "This connection fell behind the run; subscribe again with the last seq you have.",
  },
  unavailable: {
    httpStatus: 503,
    wsCloseCode: 4503,
    userVisible: true,
    retryable: true,
    defaultMessage: "The run queue cannot be reached; try again in a moment.",
  },
  config_invalid: {
    httpStatus: 500,
    wsCloseCode: 1011,
    // The operator reads it at start-up (it names the variable to fix); it never reaches a browser.
    userVisible: true,
    retryable: false,
    defaultMessage: "A setting in the environment is not valid.",
  },
  usage: {
    httpStatus: 400,
    wsCloseCode: 4400,
    userVisible: true,
    retryable: false,
    defaultMessage: "The command was not called the right way.",
  },
  network: {
    httpStatus: 503,
    wsCloseCode: 4503,
    userVisible: true,
    retryable: true,
    defaultMessage: "The studio server cannot be reached.",
  },
  response_invalid: {
    httpStatus: 502,
    wsCloseCode: 4502,
    userVisible: true,
    retryable: false,
    defaultMessage: "The server sent an answer the studio does not understand.",
  },
  internal: {
    httpStatus: 500,
    wsCloseCode: 1011,
    userVisible: false,
    retryable: false,
    defaultMessage: "Something went wrong on our side.",
  },
} as const satisfies Record<string, ErrorCodeInfo>

export type ErrorCode = keyof typeof ERROR_CODES

export const errorCodeSchema = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]])

/** The form of an error that may leave the process. */
export type PublicError = { code: ErrorCode; message: string }

export type StudioErrorOptions = {
  /** Extra facts for logs and callers (e.g. the rejected path); never sent to the user as is. */
  details?: Record<string, unknown>
  retryAfterMs?: number
  cause?: unknown
}

// Symbol.for is shared across realms and module copies, so isInstance works where instanceof does not.
const STUDIO_ERROR_MARKER = Symbol.for("@studio/protocol.StudioError")

/** The one error type of the studio: a code from ERROR_CODES plus a message for logs. */
export class StudioError extends Error {
  private readonly [STUDIO_ERROR_MARKER] = true
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>
  readonly retryAfterMs?: number

  constructor(code: ErrorCode, message?: string, options: StudioErrorOptions = {}) {
    super(
      message ?? ERROR_CODES[code].defaultMessage,
      options.cause === undefined ? undefined : { cause: options.cause },
    )
    this.name = "StudioError"
    this.code = code
    if (options.details !== undefined) this.details = options.details
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs
  }

  /** True for any StudioError, even one from another realm or another copy of this package. */
  static isInstance(error: unknown): error is StudioError {
    return (
      typeof error === "object" &&
      error !== null &&
      STUDIO_ERROR_MARKER in error &&
      error[STUDIO_ERROR_MARKER] === true
    )
  }

  get isRetryable(): boolean {
    return ERROR_CODES[this.code].retryable
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code].httpStatus
  }

  get wsCloseCode(): number {
    return ERROR_CODES[this.code].wsCloseCode
  }

  /** The code and a sanitized message that is safe to show the user. */
  toPublic(): PublicError {
    const info = ERROR_CODES[this.code]
    return {
      code: this.code,
      message: info.userVisible ? sanitizeMessage(this.message) : info.defaultMessage,
    }
  }
}

/** Turns anything thrown into a StudioError: StudioErrors pass through, aborts become `cancelled`, the rest `internal`. */
export function toStudioError(thrown: unknown): StudioError {
  if (StudioError.isInstance(thrown)) return thrown
  if (isAbortError(thrown)) return new StudioError("cancelled", undefined, { cause: thrown })
  // The original message stays for logs; `internal` is not userVisible, so toPublic never shows it.
  return new StudioError("internal", describeThrown(thrown), { cause: thrown })
}

function describeThrown(thrown: unknown): string {
  if (typeof thrown === "string" && thrown !== "") return thrown
  if (
    typeof thrown === "object" &&
    thrown !== null &&
    "message" in thrown &&
    typeof thrown.message === "string"
  ) {
    return thrown.message || ERROR_CODES.internal.defaultMessage
  }
  return `Non-error value thrown (${typeof thrown})`
}

function isAbortError(thrown: unknown): boolean {
  return typeof thrown === "object" && thrown !== null && "name" in thrown && thrown.name === "AbortError"
}
