export {
  DEFAULT_PROMPTS_PER_HOUR,
  PROMPT_LIMIT_KEY_PREFIX,
  createPromptLimiter,
  promptLimitError,
  type PromptLimitDecision,
  type PromptLimiter,
  type PromptLimiterOptions,
} from "./rate-limit"
export { createSocketLimiter, type SocketLimiter } from "./socket-limit"
export { clientAddressKey } from "./client-address"
export {
  createFixedWindowLimiter,
  type FixedWindowLimiter,
  type FixedWindowOptions,
  type LimitDecision,
} from "./fixed-window"
export {
  DEFAULT_REQUEST_LIMITS,
  REQUEST_LIMIT_WINDOWS,
  createRequestLimits,
  type RequestLimitName,
  type RequestLimitSettings,
  type RequestLimits,
  type RequestLimitsOptions,
} from "./request-limits"
