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
