import {
  modelPriceSchema,
  modelPriceTableSchema,
  parseOrThrow,
  type CostBasis,
  type ModelPrice,
  type ModelPriceTable,
  type TokenCount,
} from "@studio/protocol"
import { z } from "zod"

export { modelPriceSchema, modelPriceTableSchema, type ModelPrice, type ModelPriceTable }

/**
 * List prices in USD per million tokens as the providers published them in June 2025 (standard tier, no batch or
 * cache discounts; deepseek-chat at its cache-miss input rate). They change: STUDIO_MODEL_PRICES overrides any of
 * them and adds others.
 */
export const BUILT_IN_MODEL_PRICES: Readonly<ModelPriceTable> = {
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "gpt-4.1": { input: 2, output: 8 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "o3-mini": { input: 1.1, output: 4.4 },
  "claude-sonnet-4": { input: 3, output: 15 },
  "deepseek-chat": { input: 0.27, output: 1.1 },
}

/** Providers whose models run on the operator's own machine: their tokens cost nothing. */
const LOCAL_PROVIDERS: ReadonlySet<string> = new Set(["ollama"])
const OFFLINE_PROVIDER = "offline"

/** JSON text in an environment variable; the schema piped after it says what fits. */
const jsonText = z.string().transform((text, context): unknown => {
  try {
    return JSON.parse(text) as unknown
  } catch {
    context.addIssue({
      code: "custom",
      message: 'must be JSON, e.g. {"gpt-4o":{"input":2.5,"output":10}} (dollars per million tokens)',
    })
    return z.NEVER
  }
})

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional()

const budgetEnvironmentSchema = z.object({
  /** Dollars per million input and output tokens by model, over the built-in list prices. */
  STUDIO_MODEL_PRICES: optionalText.pipe(jsonText.pipe(modelPriceTableSchema).optional()),
  /** Tokens (prompt + completion) one run may use; over it, the run stops with `token_limit`. */
  STUDIO_MAX_TOKENS_PER_RUN: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,10}$/, "must be a whole number of tokens")
      .transform(Number)
      .refine((tokens) => tokens >= 1, "must be at least 1")
      .optional(),
  ),
})

/** What bounds and prices a run: the price table (built-ins plus the operator's) and the token limit, if any. */
export interface RunBudget {
  prices: ModelPriceTable
  maxTokensPerRun?: number
}

/**
 * STUDIO_MODEL_PRICES and STUDIO_MAX_TOKENS_PER_RUN, validated once; a bad value is `config_invalid` naming the
 * variable.
 */
export function readBudgetEnvironment(env: NodeJS.ProcessEnv = process.env): RunBudget {
  const value = parseOrThrow(budgetEnvironmentSchema, env, {
    code: "config_invalid",
    subject: "invalid environment",
    allIssues: true,
  })
  return {
    prices: { ...BUILT_IN_MODEL_PRICES, ...normaliseKeys(value.STUDIO_MODEL_PRICES ?? {}) },
    ...(value.STUDIO_MAX_TOKENS_PER_RUN === undefined
      ? {}
      : { maxTokensPerRun: value.STUDIO_MAX_TOKENS_PER_RUN }),
  }
}

/**
 * The price of a model: its exact name, else the longest table entry it starts with at a `-`, `:` or `@` (a dated
 * release such as `gpt-4o-2024-08-06`, a tag such as `deepseek-chat:latest`), after any `vendor/` prefix (a router's
 * `openai/gpt-4o`). Undefined when none fits.
 */
export function findModelPrice(model: string, prices: ModelPriceTable): ModelPrice | undefined {
  const table = normaliseKeys(prices)
  const name = normaliseModel(model)
  const exact = table[name] ?? table[model.trim().toLowerCase()]
  if (exact) return exact
  const prefix = Object.keys(table)
    .filter((key) => name.startsWith(key) && /[-:@]/.test(name.charAt(key.length)))
    .sort((a, b) => b.length - a.length)[0]
  return prefix === undefined ? undefined : table[prefix]
}

/** A run's cost in dollars and where it comes from; empty when the model's price is not known. */
export function priceRun(
  generator: { provider: string; model: string },
  tokens: TokenCount,
  prices: ModelPriceTable,
): { costUsd?: number; costBasis?: CostBasis } {
  if (generator.provider === OFFLINE_PROVIDER) return { costUsd: 0, costBasis: "offline" }
  if (LOCAL_PROVIDERS.has(generator.provider)) return { costUsd: 0, costBasis: "local" }
  const price = findModelPrice(generator.model, prices)
  if (!price) return {}
  const dollars = (tokens.prompt * price.input + tokens.completion * price.output) / 1_000_000
  // Nano-dollars: enough for a single token of the cheapest model, without float noise in stored metrics.
  return { costUsd: Math.round(dollars * 1e9) / 1e9, costBasis: "price" }
}

function normaliseModel(model: string): string {
  const name = model.trim().toLowerCase()
  return name.slice(name.lastIndexOf("/") + 1)
}

function normaliseKeys(prices: ModelPriceTable): ModelPriceTable {
  return Object.fromEntries(
    Object.entries(prices).map(([model, price]) => [model.trim().toLowerCase(), price]),
  )
}
