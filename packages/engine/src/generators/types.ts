import type { AgentStage, Contract, TestCaseResult, Diagnostic } from "@studio/protocol"

/** What a stage hands the generator: the structured facts; the llm generator renders them into prompts. */
export type StageInput =
  | { stage: "interpret"; prompt: string; previous?: PreviousVersion }
  | {
      stage: "scaffold"
      contract: Contract
      previous?: PreviousVersion
      /** Tests as the spec: the given tests (job path -> content) the component must pass, and where it goes. */
      givenTests?: Record<string, string>
      componentPath?: string
    }
  | { stage: "unit_test"; contract: Contract; publicInterface: string; componentPath: string }
  | {
      stage: "repair"
      contract: Contract
      files: Record<string, string>
      failingTests: TestCaseResult[]
      diagnostics: Diagnostic[]
      attempt: number
    }

/** The version a follow-up starts from. */
export interface PreviousVersion {
  prompt: string
  contract: Contract
  files: Record<string, string>
}

/**
 * What comes back, as a stream: text in the model output format of DESIGN.md (the contract as JSON for interpret;
 * fenced blocks with a `file="src/..."` attribute for the others), plus usage once known.
 */
export type GeneratorChunk =
  | { type: "text"; delta: string }
  | { type: "usage"; promptTokens: number; completionTokens: number }
  /** Something the generator wants the person to know about this stage (a `reasoning_step`). */
  | { type: "reasoning"; text: string }

export interface GenerateContext {
  signal?: AbortSignal
  /** Set when the caller retries a stage (e.g. the contract did not parse): what was wrong with the last answer. */
  retryReason?: string
}

/** The seam between the pipeline and where code comes from (a model server, or the offline recipe engine). */
export interface Generator {
  /** "openai", "ollama", "offline", ...: shown to the user in run_started.provider. */
  readonly provider: string
  readonly model: string
  generate(input: StageInput, context: GenerateContext): AsyncIterable<GeneratorChunk>
}

export type { AgentStage }
