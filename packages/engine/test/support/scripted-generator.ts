import type { GenerateContext, Generator, GeneratorChunk, StageInput } from "../../src/generators/types"

/**
 * A deterministic Generator for pipeline tests: it answers each stage with the next scripted text (split into small
 * chunks, as a model streams) and records every call it receives.
 */
export function createScriptedGenerator(script: Partial<Record<StageInput["stage"], string[]>>) {
  const calls: { input: StageInput; context: GenerateContext }[] = []
  const remaining = Object.fromEntries(
    Object.entries(script).map(([stage, answers]) => [stage, [...(answers ?? [])]]),
  )
  const generator: Generator = {
    provider: "scripted",
    model: "test-script",
    async *generate(input, context): AsyncIterable<GeneratorChunk> {
      calls.push({ input, context })
      const answer = remaining[input.stage]?.shift()
      if (answer === undefined) throw new Error(`no scripted answer left for ${input.stage}`)
      for (let index = 0; index < answer.length; index += 7)
        yield { type: "text", delta: answer.slice(index, index + 7) }
      yield { type: "usage", promptTokens: 100, completionTokens: Math.ceil(answer.length / 4) }
    },
  }
  return { generator, calls }
}
